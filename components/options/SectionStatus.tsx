import type { SectionMessage } from './useSectionAction';

/** An options section's status line: a failed action is announced at once, the rest politely. */
export function SectionStatus({ message }: { message: SectionMessage }) {
  return (
    <p
      role={message && !message.ok ? 'alert' : 'status'}
      class={message?.ok === false ? 'error' : 'status-message'}
    >
      {message?.text ?? ''}
    </p>
  );
}
