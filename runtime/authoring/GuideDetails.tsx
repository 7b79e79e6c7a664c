/** What the guide is: its title and id, the roles it is for, and the page it starts on. */
import type { AuthorContext } from '../../core/messages';
import type { Draft } from './draft';
import { T } from './panelText';

export function GuideDetails({
  draft,
  context,
  onTitle,
  onId,
  onRole,
}: {
  draft: Draft;
  context: AuthorContext;
  onTitle: (title: string) => void;
  onId: (id: string) => void;
  onRole: (role: string, chosen: boolean) => void;
}) {
  return (
    <>
      <div class="wm-author-grid">
        <label for="wm-guide-title">{T.guideTitle}</label>
        <input
          id="wm-guide-title"
          value={draft.title}
          onInput={(e) => onTitle(e.currentTarget.value)}
        />
        <label for="wm-guide-id">{T.guideId}</label>
        <input id="wm-guide-id" value={draft.id} onInput={(e) => onId(e.currentTarget.value)} />
      </div>
      <fieldset class="wm-author-roles">
        <legend>{T.forRoles}</legend>
        {context.roles.map((role) => (
          <label key={role.id}>
            <input
              type="checkbox"
              checked={draft.roles.includes(role.id)}
              onChange={(e) => onRole(role.id, e.currentTarget.checked)}
            />{' '}
            {role.label}
          </label>
        ))}
      </fieldset>
      <p class="wm-author-note">
        {T.startsOn} <code>{draft.page}</code>
        {context.pageType !== draft.page && (
          <>
            {T.youAreOn} <code>{context.pageType}</code>
          </>
        )}
      </p>
    </>
  );
}
