/**
 * The popup's sections: the rep's role and pause switch, authoring, this page's guides, the
 * checklist.
 */
import type { ChecklistItem, PopupState } from '../../core/messages';
import { roleName, TEXT } from '../pageText';

const T = TEXT.popup;

const STATUS_TEXT: Record<ChecklistItem['status'], string> = T.statuses;

function statusText(item: ChecklistItem): string {
  return item.status === 'active'
    ? T.activeStep(item.stepIndex + 1, item.stepCount)
    : STATUS_TEXT[item.status];
}

/** The rep's role (locked when the organisation sets it) and the pause switch. */
export function RoleAndPause({
  state,
  onChange,
}: {
  state: PopupState;
  onChange: (change: { role?: string; paused?: boolean }) => void;
}) {
  return (
    <>
      <div class="row">
        <label for="role">{T.role}</label>
        <select
          id="role"
          value={state.role}
          // The organisation maps this user's CRM team or profile to a role, or allows only one.
          disabled={state.roleLocked}
          aria-describedby={state.roleLocked ? 'role-locked' : undefined}
          onChange={(e) => onChange({ role: (e.currentTarget as HTMLSelectElement).value })}
        >
          {state.roles.map((r) => (
            <option value={r.id}>{roleName(r.id, r.label)}</option>
          ))}
          {!state.roles.some((r) => r.id === state.role) && (
            <option value={state.role}>{roleName(state.role)}</option>
          )}
        </select>
      </div>
      {state.roleLocked && (
        <p class="locked-note" id="role-locked">
          {TEXT.managed.setByOrg}
        </p>
      )}
      <div class="row">
        <label>
          <input
            type="checkbox"
            checked={state.paused}
            onChange={(e) => onChange({ paused: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {T.pause}
        </label>
      </div>
    </>
  );
}

/** A trainer on a CRM page writes a guide for it. */
export function Authoring({ onOpen }: { onOpen: () => void }) {
  return (
    <section aria-labelledby="author-heading">
      <h2 id="author-heading">{T.authoringHeading}</h2>
      <button type="button" onClick={onOpen}>
        {T.writeGuide}
      </button>
    </section>
  );
}

/** The guides that start on this page, each with its Start button. */
export function PageGuides({
  state,
  missing,
  onStart,
}: {
  state: PopupState;
  /** target.missing counts per guide, for trainers' notes. */
  missing: Record<string, number>;
  onStart: (guideId: string) => void;
}) {
  const roleLabel = roleName(state.role, state.roles.find((r) => r.id === state.role)?.label);
  return (
    <section aria-labelledby="page-heading">
      <h2 id="page-heading">{T.pageHeading}</h2>
      {!state.page ? (
        <p class="empty">{T.notHere}</p>
      ) : state.pageGuides.length === 0 ? (
        <p class="empty">{T.noGuides(roleLabel)}</p>
      ) : (
        <ul class="guides">
          {state.pageGuides.map((g) => (
            <li>
              <div>
                <span class="title">{g.title}</span>
                {g.description && <span class="desc">{g.description}</span>}
                {(missing[g.id] ?? 0) > 0 && (
                  <span class="note">{T.targetMissing(missing[g.id] ?? 0)}</span>
                )}
              </div>
              <button
                type="button"
                disabled={state.paused}
                aria-label={T.startGuide(g.title)}
                onClick={() => onStart(g.id)}
              >
                {T.start}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The role's checklist with its progress. */
export function Checklist({ items }: { items: ChecklistItem[] }) {
  const done = items.filter((i) => i.status === 'completed').length;
  return (
    <section aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{T.checklistHeading}</h2>
      <p>
        <progress max={items.length} value={done} aria-label={T.checklistProgress} />{' '}
        {T.checklistDone(done, items.length)}
      </p>
      <ul class="checklist">
        {items.map((item) => (
          <li data-status={item.status}>
            <span aria-hidden="true">{item.status === 'completed' ? '✓' : '○'}</span>{' '}
            <span class="title">{item.title}</span> — <span>{statusText(item)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
