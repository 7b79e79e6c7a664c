/**
 * What the guide is: its title, id and description, the roles it is for, where it is offered and
 * how it starts, who sees it, and the languages it is translated into.
 */
import type { AuthorContext } from '../../core/messages';
import { startPage, type Draft, type DraftText } from './draft';
import { T } from './panelText';
import { RolloutFields } from './RolloutFields';
import { Languages, TranslatedTexts } from './Translations';
import type { DraftGuide } from './useDraftGuide';

function WhereAndWhen({ draft, update }: { draft: Draft; update: DraftGuide['update'] }) {
  return (
    <details class="wm-author-more">
      <summary>{T.whereAndWhen}</summary>
      <div class="wm-author-grid">
        <label for="wm-guide-pages">{T.pages}</label>
        <textarea
          id="wm-guide-pages"
          rows={2}
          value={draft.pages}
          onInput={(e) => update({ pages: e.currentTarget.value })}
        />
        <label for="wm-guide-url">{T.urlPattern}</label>
        <input
          id="wm-guide-url"
          placeholder="/app/opportunities/*"
          value={draft.url}
          onInput={(e) => update({ url: e.currentTarget.value })}
        />
        <label for="wm-guide-start-url">{T.startUrl}</label>
        <input
          id="wm-guide-start-url"
          placeholder="/app/opportunities"
          aria-describedby="wm-guide-start-url-hint"
          value={draft.startUrl}
          onInput={(e) => update({ startUrl: e.currentTarget.value })}
        />
        <span id="wm-guide-start-url-hint" class="wm-author-note wm-author-wide">
          {T.startUrlHint}
        </span>
        <label for="wm-guide-launch">{T.launch}</label>
        <select
          id="wm-guide-launch"
          value={draft.launchMode}
          onChange={(e) => update({ launchMode: e.currentTarget.value as Draft['launchMode'] })}
        >
          <option value="manual">{T.launchManual}</option>
          <option value="auto">{T.launchAuto}</option>
        </select>
      </div>
      <label class="wm-author-check">
        <input
          type="checkbox"
          checked={draft.launchOnce}
          onChange={(e) => update({ launchOnce: e.currentTarget.checked })}
        />{' '}
        {T.launchOnce}
      </label>
      <label class="wm-author-check">
        <input
          type="checkbox"
          checked={draft.checklist}
          onChange={(e) => update({ checklist: e.currentTarget.checked })}
        />{' '}
        {T.inChecklist}
      </label>
      <label class="wm-author-check">
        <input
          type="checkbox"
          checked={draft.rollout.limited}
          onChange={(e) =>
            update({ rollout: { ...draft.rollout, limited: e.currentTarget.checked } })
          }
        />{' '}
        {T.limitRollout}
      </label>
      {draft.rollout.limited && (
        <RolloutFields
          idPrefix="wm-guide-rollout"
          rollout={draft.rollout}
          onChange={(change) => update({ rollout: { ...draft.rollout, ...change } })}
        />
      )}
    </details>
  );
}

function GuideLanguages({ guide }: { guide: DraftGuide }) {
  const { draft } = guide;
  return (
    <details class="wm-author-more" open={draft.languages.length > 0}>
      <summary>{T.languages}</summary>
      <Languages
        languages={draft.languages}
        onAdd={(tag) => guide.update({ languages: [...draft.languages, tag] })}
        onRemove={guide.removeLanguage}
      />
      <TranslatedTexts
        idPrefix="wm-guide"
        languages={draft.languages}
        texts={draft.locales}
        onChange={(tag: string, text: DraftText) =>
          guide.update({ locales: { ...draft.locales, [tag]: text } })
        }
      />
    </details>
  );
}

export function GuideDetails({ guide, context }: { guide: DraftGuide; context: AuthorContext }) {
  const { draft } = guide;
  const start = startPage(draft);
  return (
    <>
      <div class="wm-author-grid">
        <label for="wm-guide-title">{T.guideTitle}</label>
        <input
          id="wm-guide-title"
          value={draft.title}
          onInput={(e) => guide.setTitle(e.currentTarget.value)}
        />
        <label for="wm-guide-id">{T.guideId}</label>
        <input
          id="wm-guide-id"
          value={draft.id}
          onInput={(e) => guide.setId(e.currentTarget.value)}
        />
        <label for="wm-guide-description">{T.description}</label>
        <textarea
          id="wm-guide-description"
          rows={2}
          value={draft.description}
          onInput={(e) => guide.update({ description: e.currentTarget.value })}
        />
      </div>
      <fieldset class="wm-author-roles">
        <legend>{T.forRoles}</legend>
        {context.roles.map((role) => (
          <label key={role.id}>
            <input
              type="checkbox"
              checked={draft.roles.includes(role.id)}
              onChange={(e) => guide.chooseRole(role.id, e.currentTarget.checked)}
            />{' '}
            {role.label}
          </label>
        ))}
      </fieldset>
      <p class="wm-author-note">
        {T.version(draft.version)} · {T.startsOn} <code>{start}</code>
        {context.pageType !== start && (
          <>
            {T.youAreOn} <code>{context.pageType}</code>
          </>
        )}
      </p>
      <WhereAndWhen draft={draft} update={guide.update} />
      <GuideLanguages guide={guide} />
    </>
  );
}
