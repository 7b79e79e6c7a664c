/**
 * What the in-page help panel asks: the page's guides, the role's checklist, a search over the
 * user's guides, and where a guide starts (its page, and the address that opens it).
 */
import MiniSearch from 'minisearch';
import { walkthroughsOf } from '../core/announcements';
import { localizedTitle, localizeStep } from '../core/guide/locale';
import type { Guide } from '../core/guide/schema';
import { plainText } from '../core/guide/text';
import { guideMatchesPage, guidesForPage, type PageContext } from '../core/match';
import type { GuideStart, HelpGuide, HelpSearchHit, HelpState } from '../core/messages';
import type { WaymarkDb } from './db';
import type { GuidanceAudience } from './guidanceAudience';
import { checklistOf } from './pageAnswers';

/** Enough to choose from; a rep who needs more types another word. */
const MAX_HITS = 20;
/** Characters of step text shown around the first word that matched. */
const EXCERPT_CHARS = 140;

/** The page types a guide's match names; an address-only match names none. */
function pagesOf(guide: Guide): string[] {
  const page = guide.match.page;
  return page === undefined ? [] : typeof page === 'string' ? [page] : page;
}

export function startOf(guide: Guide, page: PageContext | null): GuideStart {
  return {
    here: page !== null && page.crm === guide.crm && guideMatchesPage(guide, page),
    pages: pagesOf(guide),
    opens: guide.startUrl !== undefined,
  };
}

/**
 * The address a guide's `startUrl` names on the page's own site, or null. The schema allows
 * paths only; the origin check holds even so, as a guide pack is not trusted to be careful.
 */
export function startAddress(guide: Guide, page: PageContext): string | null {
  if (guide.startUrl === undefined || page.origin === undefined) return null;
  try {
    const address = new URL(guide.startUrl, page.origin);
    return address.origin === page.origin ? address.href : null;
  } catch {
    return null;
  }
}

interface SearchDoc {
  id: string;
  title: string;
  text: string;
}

/** A guide's words in `locale`: its title, description and every step's title and text. */
function searchDocOf(guide: Guide, locale: string): SearchDoc {
  const steps = guide.steps.map((step) => localizeStep(step, locale));
  const text = [
    guide.description,
    ...steps.flatMap((s) => [s.title, s.body === undefined ? undefined : plainText(s.body)]),
  ]
    .filter((t): t is string => t !== undefined)
    .join(' · ');
  return { id: guide.id, title: localizedTitle(guide, locale), text };
}

/** The words of `text` around the first of `terms` it holds (terms are lower-case words). */
export function excerptOf(text: string, terms: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return undefined;
  const from = Math.max(0, at - EXCERPT_CHARS / 3);
  const to = Math.min(text.length, from + EXCERPT_CHARS);
  // Whole words only: cut at the nearest spaces inside the window.
  const start = from === 0 ? 0 : text.indexOf(' ', from) + 1;
  const endSpace = to === text.length ? -1 : text.lastIndexOf(' ', to);
  const end = endSpace > at ? endSpace : to;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/**
 * A search over guides, kept for the last set of guides and language asked: a rep typing asks
 * once per key, and the guides rarely change between keys.
 */
function createGuideSearch() {
  let key = '';
  let index: MiniSearch<SearchDoc> | null = null;
  let docs = new Map<string, SearchDoc>();
  return (guides: readonly Guide[], locale: string) => {
    const wanted = `${locale}|${guides.map((g) => `${g.id}@${g.version}`).join(',')}`;
    if (wanted !== key || !index) {
      docs = new Map(guides.map((g) => [g.id, searchDocOf(g, locale)]));
      index = new MiniSearch<SearchDoc>({
        fields: ['title', 'text'],
        searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
      });
      index.addAll([...docs.values()]);
      key = wanted;
    }
    return { index, docs };
  };
}

export interface HelpAnswersDeps {
  db: WaymarkDb;
  audience: GuidanceAudience;
  pageAt: (url: string) => PageContext | null;
}

export function createHelpAnswers({ db, audience, pageAt }: HelpAnswersDeps) {
  const searchIn = createGuideSearch();

  /**
   * The walkthroughs this user may start here (an announcement is a bar, not one): none in a
   * cohort measured without guidance.
   */
  async function startable() {
    const { settings, guides } = await audience.visibleGuides();
    return { settings, guides: audience.guided(settings) ? walkthroughsOf(guides) : [] };
  }

  const helpGuide = (g: Guide, page: PageContext | null, locale: string): HelpGuide => ({
    guideId: g.id,
    title: localizedTitle(g, locale),
    ...(g.description !== undefined ? { description: g.description } : {}),
    start: startOf(g, page),
  });

  return {
    async helpState(url: string, locale: string): Promise<HelpState> {
      const page = pageAt(url);
      const { settings, guides } = await startable();
      const mine = page ? guides.filter((g) => g.crm === page.crm) : [];
      const fitting = page ? guidesForPage(mine, page, audience.audienceOf(settings)) : [];
      const checklist = await checklistOf(db, mine, locale);
      const byId = new Map(mine.map((g) => [g.id, g]));
      return {
        paused: settings.paused,
        pageGuides: fitting.map((g) => helpGuide(g, page, locale)),
        checklist: checklist.flatMap((item) => {
          const guide = byId.get(item.guideId);
          return guide ? [{ ...item, start: startOf(guide, page) }] : [];
        }),
        champion: page ? audience.championOf(settings) : null,
      };
    },

    /** The user's guides for the page's CRM whose title or text has every word of `query`. */
    async search(url: string, query: string, locale: string): Promise<HelpSearchHit[]> {
      const page = pageAt(url);
      const words = query.trim();
      if (!page || words === '') return [];
      const mine = (await startable()).guides.filter((g) => g.crm === page.crm);
      const { index, docs } = searchIn(mine, locale);
      const byId = new Map(mine.map((g) => [g.id, g]));
      return index
        .search(words)
        .slice(0, MAX_HITS)
        .flatMap((hit) => {
          const guide = byId.get(String(hit.id));
          const doc = docs.get(String(hit.id));
          if (!guide || !doc) return [];
          const excerpt = excerptOf(doc.text, hit.terms);
          return [{ ...helpGuide(guide, page, locale), ...(excerpt ? { excerpt } : {}) }];
        });
    },
  };
}

export type HelpAnswers = ReturnType<typeof createHelpAnswers>;
