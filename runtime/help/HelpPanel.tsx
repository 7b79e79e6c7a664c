/**
 * The help panel the in-page button opens: a search over the rep's guides, this page's guides, the
 * role's checklist (each item starts its guide, on its own page when it names one), who to ask,
 * and the way to what Waymark records. A non-modal dialog: Esc or Alt+Shift+H closes it and focus
 * goes back to the button.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { plainText } from '../../core/guide/text';
import { helpMessages } from '../../core/i18n/inPage';
import { browserLanguage, resolveLocale } from '../../core/i18n/locales';
import type { GuideStart, HelpGuide, HelpSearchHit, HelpState } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { isHelpShortcut } from './helpShortcut';
import type { HelpPanelOptions } from './panelEntry';

/** Guide text is searched and shown in the language the guide UI shows it in. */
const GUIDE_LOCALE = browserLanguage();
const T = helpMessages(resolveLocale(GUIDE_LOCALE));
/** Searching waits for a pause in typing, so a rep typing a word asks once. */
const SEARCH_DELAY_MS = 150;
/** Links a champion may be reached by: a web page or chat channel, or an e-mail address. */
const SAFE_LINK = /^(https:\/\/|mailto:)/i;

const pageName = (pattern: string) =>
  pattern === '*' ? T.anyPage : pattern.replace(/:/g, ' ').replace(/\*/g, '…');

/** "Starts on this page", or where it starts and what pressing Start does from here. */
function startText(start: GuideStart): string {
  if (start.here) return T.startsHere;
  const where = start.pages.length > 0 ? T.startsOn(start.pages.map(pageName).join(', ')) : '';
  const how = start.opens ? T.takesYouThere : T.waitsForPage;
  return where ? `${where}. ${how}.` : `${how}.`;
}

interface Starter {
  start(guideId: string): void;
  busy: boolean;
}

/** One guide with where it starts and its Start button (named after the guide). */
function GuideRow({
  guide,
  starter,
  label = T.start,
  name = T.startGuide(guide.title),
  children,
}: {
  guide: HelpGuide;
  starter: Starter;
  label?: string;
  name?: string;
  children?: ComponentChildren;
}) {
  return (
    <li class="wm-help-guide">
      <div class="wm-help-text">
        <span class="wm-help-name">{guide.title}</span>
        {children}
        <span class="wm-help-where">{startText(guide.start)}</span>
      </div>
      <button
        type="button"
        aria-label={name}
        disabled={starter.busy}
        onClick={() => starter.start(guide.guideId)}
      >
        {label}
      </button>
    </li>
  );
}

function SearchResults({
  query,
  hits,
  starter,
}: {
  query: string;
  hits: HelpSearchHit[];
  starter: Starter;
}) {
  return (
    <section aria-labelledby="wm-help-results">
      <h3 id="wm-help-results">{hits.length > 0 ? T.results(hits.length) : T.noResults(query)}</h3>
      <ul class="wm-help-list">
        {hits.map((hit) => (
          <GuideRow key={hit.guideId} guide={hit} starter={starter}>
            {hit.excerpt && <span class="wm-help-excerpt">{hit.excerpt}</span>}
          </GuideRow>
        ))}
      </ul>
    </section>
  );
}

function Checklist({ items, starter }: { items: HelpState['checklist']; starter: Starter }) {
  const done = items.filter((i) => i.status === 'completed').length;
  return (
    <section aria-labelledby="wm-help-checklist">
      <h3 id="wm-help-checklist">{T.checklistHeading}</h3>
      <p class="wm-help-progress">
        <progress max={items.length} value={done} aria-label={T.checklistProgress} />{' '}
        {T.checklistDone(done, items.length)}
      </p>
      <ol class="wm-help-list">
        {items.map((item) => {
          const [label, name] =
            item.status === 'active'
              ? [T.resume, T.resumeGuide(item.title)]
              : item.status === 'completed'
                ? [T.again, T.againGuide(item.title)]
                : [T.start, T.startGuide(item.title)];
          return (
            <GuideRow key={item.guideId} guide={item} starter={starter} label={label} name={name}>
              <span class="wm-help-status" data-status={item.status}>
                <span aria-hidden="true">{item.status === 'completed' ? '✓ ' : ''}</span>
                {T.statuses[item.status]}
              </span>
            </GuideRow>
          );
        })}
      </ol>
    </section>
  );
}

export function HelpPanel({
  options,
  close,
}: {
  options: HelpPanelOptions;
  close(refocus: boolean): void;
}) {
  const [state, setState] = useState<HelpState | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; hits: HelpSearchHit[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    search.current?.focus();
    callBackground('help:state', { locale: GUIDE_LOCALE })
      .then(setState)
      .catch(() => setError(T.startFailed));
  }, []);

  useEffect(() => {
    const words = query.trim();
    if (words === '') return setHits(null);
    const timer = setTimeout(() => {
      callBackground('help:search', { query: words, locale: GUIDE_LOCALE })
        .then((found) => setHits({ query: words, hits: found }))
        .catch(() => setHits({ query: words, hits: [] }));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const starter: Starter = {
    busy,
    start(guideId) {
      setBusy(true);
      setError('');
      void options.startGuide(guideId).then((started) => {
        if (started) return close(false);
        setBusy(false);
        setError(T.startFailed);
      });
    },
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || isHelpShortcut(e)) {
      e.preventDefault();
      close(true);
    }
  };

  return (
    <div
      class="wm-help"
      role="dialog"
      aria-labelledby="wm-help-title"
      data-corner={options.corner}
      style={{ '--wm-shift': `${options.shift}px` }}
      onKeyDown={onKeyDown}
    >
      <div class="wm-head">
        <h2 id="wm-help-title" class="wm-title">
          {T.title}
        </h2>
        <button type="button" class="wm-close" aria-label={T.close} onClick={() => close(true)}>
          ×
        </button>
      </div>
      <div class="wm-help-body">
        <form role="search" class="wm-help-search" onSubmit={(e) => e.preventDefault()}>
          <label for="wm-help-query">{T.searchLabel}</label>
          <input
            id="wm-help-query"
            ref={search}
            type="search"
            autocomplete="off"
            aria-describedby="wm-help-query-hint"
            maxLength={200}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <span id="wm-help-query-hint" class="wm-help-hint">
            {T.searchHint}
          </span>
        </form>
        <div role="status" class="wm-status">
          {hits
            ? hits.hits.length > 0
              ? T.results(hits.hits.length)
              : T.noResults(hits.query)
            : ''}
        </div>
        {error && (
          <p role="alert" class="wm-help-error">
            {error}
          </p>
        )}
        {state?.paused && <p class="wm-help-hint">{T.paused}</p>}
        {hits && <SearchResults query={hits.query} hits={hits.hits} starter={starter} />}
        {state && !hits && (
          <>
            <section aria-labelledby="wm-help-page">
              <h3 id="wm-help-page">{T.pageHeading}</h3>
              {state.pageGuides.length === 0 ? (
                <p class="wm-help-hint">{T.noPageGuides}</p>
              ) : (
                <ul class="wm-help-list">
                  {state.pageGuides.map((g) => (
                    <GuideRow key={g.guideId} guide={g} starter={starter}>
                      {g.description && (
                        <span class="wm-help-excerpt">{plainText(g.description)}</span>
                      )}
                    </GuideRow>
                  ))}
                </ul>
              )}
            </section>
            {state.checklist.length > 0 && <Checklist items={state.checklist} starter={starter} />}
          </>
        )}
        {state?.champion && SAFE_LINK.test(state.champion.link) && (
          <section aria-labelledby="wm-help-champion">
            <h3 id="wm-help-champion">{T.championHeading}</h3>
            <p>
              <a
                href={state.champion.link}
                target="_blank"
                rel="noopener noreferrer"
                onClick={() =>
                  void callBackground('champion:asked', { url: location.href }).catch(
                    () => undefined,
                  )
                }
              >
                {T.championLink(state.champion.name)}
              </a>
            </p>
          </section>
        )}
        <p class="wm-help-foot">
          <button
            type="button"
            aria-describedby="wm-help-activity-hint"
            onClick={() => void callBackground('help:activity', {}).catch(() => undefined)}
          >
            {T.activity}
          </button>
          <span id="wm-help-activity-hint" class="wm-help-hint">
            {T.activityHint}
          </span>
        </p>
        <p class="wm-help-hint">{T.shortcut}</p>
      </div>
    </div>
  );
}
