/** @jsxImportSource react */
/**
 * Line icons in the spirit of Fluent's 20 px set, drawn here so the page needs no icon package.
 * Decorative: hidden from assistive technology, as Fluent's own icons are.
 */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const SaveIcon = () => (
  <Icon>
    <path d="M4 3.5h9.5l2.5 2.5v10.5H4z" />
    <path d="M6.5 3.5v4h6v-4M6.5 16.5v-5h7v5" />
  </Icon>
);

export const SaveAndCloseIcon = () => (
  <Icon>
    <path d="M9.5 16.5H4v-13h9.5l2.5 2.5v3.5" />
    <path d="M6.5 3.5v4h6v-4" />
    <path d="M12 12l4 4M16 12l-4 4" />
  </Icon>
);

export const AddIcon = () => (
  <Icon>
    <path d="M10 4v12M4 10h12" />
  </Icon>
);

export const DeleteIcon = () => (
  <Icon>
    <path d="M3.5 5.5h13M8 5.5V4h4v1.5M5 5.5l1 11h8l1-11M8.5 8.5v5M11.5 8.5v5" />
  </Icon>
);

export const RefreshIcon = () => (
  <Icon>
    <path d="M15.5 10a5.5 5.5 0 1 1-1.6-3.9M14 3v3.5h-3.5" />
  </Icon>
);

export const DismissIcon = () => (
  <Icon>
    <path d="M5 5l10 10M15 5L5 15" />
  </Icon>
);

export const WaffleIcon = () => (
  <svg width="20" height="20" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
    {[4, 10, 16].flatMap((y) =>
      [4, 10, 16].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.5" />),
    )}
  </svg>
);

export const OpportunityIcon = () => (
  <Icon>
    <path d="M3.5 15.5l4-5 3 3 6-7M12.5 6.5h4v4" />
  </Icon>
);

export const AccountIcon = () => (
  <Icon>
    <path d="M3.5 16.5v-12h8v12M11.5 8.5h5v8M2.5 16.5h15M6 7h3M6 10h3M6 13h3M14 11v.5M14 14v.5" />
  </Icon>
);

export const ChevronDownIcon = () => (
  <Icon>
    <path d="M5.5 8l4.5 4.5L14.5 8" />
  </Icon>
);
