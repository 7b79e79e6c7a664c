/**
 * The guide a trainer is writing, and its translation to and from guide JSON. The draft holds
 * what the panel's form controls hold (text as typed, lists as lines), so a half-written field is
 * never lost to a validation error; it is kept in the background while the trainer moves between
 * pages. Every part of the guide format has its place here, so a guide opened for editing comes
 * back out with nothing dropped.
 */
import type { CrmId } from '../../core/adapters';
import type { FormatPreset } from '../../core/guide/formatPresets';
import {
  GUIDE_SCHEMA_VERSION,
  type AdvanceOn,
  type Announcement,
  type Guide,
  type Placement,
  type Step,
  type StepKind,
  type Target,
} from '../../core/guide/schema';

export type SurveyScale = '1-5' | '0-10';

/** A title and text in one language, as typed; empty means "fall back to the guide's own". */
export interface DraftText {
  title: string;
  body: string;
}

export interface DraftStep {
  id: string;
  kind: StepKind;
  title: string;
  body: string;
  placement: Placement;
  advance: AdvanceOn;
  /** For `route`: the page type to reach; empty for any change. */
  advancePage: string;
  /** The file says what completes the step even when it is the default, the Next button. */
  advanceStated: boolean;
  /** Absent for modal and survey steps. */
  target?: Target;
  /** The page type the step appears on; empty for any page. */
  page: string;
  /** Milliseconds to wait for the target, as typed; empty for the default. */
  wait: string;
  question: string;
  scale: SurveyScale;
  /** The step's text per locale tag. */
  locales: Record<string, DraftText>;
}

export interface DraftFieldRule {
  id: string;
  target?: Target;
  page: string;
  required: boolean;
  /** A ready-made format, a custom pattern, or neither. */
  format: FormatPreset | 'pattern' | '';
  pattern: string;
  /** Values to suggest, one per line. */
  picklist: string;
  message: string;
}

/** An announcement as typed: its one line, its link, and both per locale tag. */
export interface DraftAnnouncement {
  text: string;
  linkLabel: string;
  /** What the link leads to: a page (`url`), a guide to start (`guide`), or there is none. */
  linkTo: 'url' | 'guide' | '';
  /** The address or the guide id. */
  link: string;
  locales: Record<string, { text: string; label: string }>;
}

export interface DraftRollout {
  /** Whether the guide is limited at all; off, the other fields are kept but not written. */
  limited: boolean;
  /** Cohort ids, separated by commas or spaces. */
  cohorts: string;
  percent: number;
  from: string;
  until: string;
}

export interface Draft {
  id: string;
  version: number;
  title: string;
  description: string;
  roles: string[];
  crm: CrmId;
  /** The page types the guide is offered on, one per line; the first is where it starts. */
  pages: string;
  /** An address pattern the guide is offered on; empty for none. */
  url: string;
  /** The path the help panel opens to start the guide from elsewhere; empty for none. */
  startUrl: string;
  launchMode: 'auto' | 'manual';
  launchOnce: boolean;
  checklist: boolean;
  rollout: DraftRollout;
  /** The locale tags the guide is translated into, in the order the trainer added them. */
  languages: string[];
  /** The guide's own title and text per locale tag. */
  locales: Record<string, DraftText>;
  steps: DraftStep[];
  fields: DraftFieldRule[];
  /** Set for an announcement, which has no steps. Drafts kept from before it lack it. */
  announcement?: DraftAnnouncement;
}

export const DRAFT_STEP_KINDS = [
  'tooltip',
  'spotlight',
  'hotspot',
  'fieldTip',
  'modal',
  'survey',
] as const satisfies readonly StepKind[];

const NO_ROLLOUT: DraftRollout = { limited: false, cohorts: '', percent: 100, from: '', until: '' };

export function emptyDraft(crm: CrmId, page: string, role: string): Draft {
  return {
    id: '',
    version: 1,
    title: '',
    description: '',
    roles: [role],
    crm,
    pages: page,
    url: '',
    startUrl: '',
    launchMode: 'manual',
    launchOnce: true,
    checklist: true,
    rollout: NO_ROLLOUT,
    languages: [],
    locales: {},
    steps: [],
    fields: [],
  };
}

/** A new step as the editor starts it: on the page the trainer is on, when not the start page. */
export function blankStep(page: string, guideStart: string): DraftStep {
  return {
    id: '',
    kind: 'tooltip',
    title: '',
    body: '',
    placement: 'auto',
    advance: 'next',
    advancePage: '',
    advanceStated: true,
    page: page === guideStart ? '' : page,
    wait: '',
    question: '',
    scale: '1-5',
    locales: {},
  };
}

/** A slug for ids, from what the trainer typed. */
export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

/** A step id unique in the draft, from its title. */
export function stepIdFor(draft: Draft, title: string, except?: DraftStep): string {
  const base = slugOf(title) || 'step';
  const taken = new Set(draft.steps.filter((s) => s !== except).map((s) => s.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function needsTarget(kind: StepKind): boolean {
  return kind !== 'modal' && kind !== 'survey';
}

/** The entries of a list typed one per line (or, for `commas`, also split at commas and spaces). */
export function listOf(text: string, commas = false): string[] {
  return text
    .split(commas ? /[\s,]+/ : /\n/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The page the guide starts on: new steps are written there unless the trainer is elsewhere. */
export function startPage(draft: Draft): string {
  return listOf(draft.pages)[0] ?? '';
}

/** Only what was typed: an untouched text box adds nothing to the file. */
function typed<K extends string>(key: K, text: string): Partial<Record<K, string>> {
  const trimmed = text.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}

function localesOf(
  languages: readonly string[],
  texts: Record<string, DraftText>,
  announcement?: DraftAnnouncement,
): Record<string, Record<string, unknown>> | undefined {
  const entries = languages
    .map((tag) => {
      const text = texts[tag] ?? { title: '', body: '' };
      const own = announcement?.locales[tag];
      const announced = own ? { ...typed('text', own.text), ...typed('label', own.label) } : {};
      return [
        tag,
        {
          ...typed('title', text.title),
          ...typed('body', text.body),
          ...(Object.keys(announced).length > 0 ? { announcement: announced } : {}),
        },
      ] as const;
    })
    .filter(([, text]) => Object.keys(text).length > 0);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A number as typed, or the text itself when it is not one, so the guide check says so. */
function numberOr(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

function stepJson(step: DraftStep, languages: readonly string[]): Record<string, unknown> {
  const anchored = needsTarget(step.kind);
  const locales = localesOf(languages, step.locales);
  const wait = numberOr(step.wait);
  return {
    id: step.id,
    kind: step.kind,
    ...(anchored && step.target ? { target: step.target } : {}),
    ...typed('title', step.title),
    ...typed('body', step.body),
    ...(step.kind === 'survey' ? { question: step.question.trim(), scale: step.scale } : {}),
    ...(anchored && step.placement !== 'auto' ? { placement: step.placement } : {}),
    ...typed('page', step.page),
    ...(wait !== undefined ? { wait } : {}),
    ...(locales ? { locales } : {}),
    ...(step.advanceStated || step.advance !== 'next' || step.advancePage.trim()
      ? { advance: { on: step.advance, ...typed('page', step.advancePage) } }
      : {}),
  };
}

function fieldRuleJson(rule: DraftFieldRule): Record<string, unknown> {
  const picklist = listOf(rule.picklist);
  return {
    ...typed('id', rule.id),
    ...(rule.target ? { target: rule.target } : {}),
    page: rule.page.trim(),
    ...(rule.required ? { required: true } : {}),
    ...(rule.format === 'pattern'
      ? { pattern: rule.pattern }
      : rule.format
        ? { format: rule.format }
        : {}),
    ...(picklist.length > 0 ? { picklist } : {}),
    message: rule.message.trim(),
  };
}

/** A rollout as the guide format writes it (a guide's, or a pilot's). */
export function rolloutJson(rollout: DraftRollout): Record<string, unknown> {
  const cohorts = listOf(rollout.cohorts, true);
  return {
    ...(cohorts.length > 0 ? { cohorts } : {}),
    percent: rollout.percent,
    ...typed('from', rollout.from),
    ...typed('until', rollout.until),
  };
}

/** The guide file, keys in the order the shipped guides use. */
export function guideOf(draft: Draft): Record<string, unknown> {
  const pages = listOf(draft.pages);
  const locales = localesOf(draft.languages, draft.locales, draft.announcement);
  return {
    $schema: './guide.schema.json',
    schemaVersion: GUIDE_SCHEMA_VERSION,
    id: draft.id,
    version: draft.version,
    title: draft.title,
    ...typed('description', draft.description),
    roles: draft.roles,
    crm: draft.crm,
    match: {
      ...(pages.length > 0 ? { page: pages.length === 1 ? pages[0] : pages } : {}),
      ...typed('url', draft.url),
    },
    ...typed('startUrl', draft.startUrl),
    launch: { mode: draft.launchMode, once: draft.launchOnce },
    ...(draft.rollout.limited ? { rollout: rolloutJson(draft.rollout) } : {}),
    ...(draft.checklist ? {} : { checklist: false }),
    ...(locales ? { locales } : {}),
    ...(draft.announcement ? { announcement: announcementJson(draft.announcement) } : {}),
    steps: draft.steps.map((step) => stepJson(step, draft.languages)),
    ...(draft.fields.length > 0 ? { fields: draft.fields.map(fieldRuleJson) } : {}),
  };
}

function announcementJson(announcement: DraftAnnouncement): Record<string, unknown> {
  const { linkTo, link, linkLabel } = announcement;
  return {
    text: announcement.text.trim(),
    ...(linkTo ? { link: { label: linkLabel.trim(), [linkTo]: link.trim() } } : {}),
  };
}

function draftAnnouncement(
  announcement: Announcement,
  locales: Guide['locales'],
): DraftAnnouncement {
  const { link } = announcement;
  return {
    text: announcement.text,
    linkLabel: link?.label ?? '',
    linkTo: link?.url !== undefined ? 'url' : link?.guide !== undefined ? 'guide' : '',
    link: link?.url ?? link?.guide ?? '',
    locales: Object.fromEntries(
      Object.entries(locales ?? {}).flatMap(([tag, text]) =>
        text.announcement
          ? [[tag, { text: text.announcement.text ?? '', label: text.announcement.label ?? '' }]]
          : [],
      ),
    ),
  };
}

function draftText(text: { title?: string; body?: string } | undefined): DraftText {
  return { title: text?.title ?? '', body: text?.body ?? '' };
}

function draftTexts(
  locales: Record<string, { title?: string; body?: string }> | undefined,
): Record<string, DraftText> {
  return Object.fromEntries(Object.entries(locales ?? {}).map(([t, text]) => [t, draftText(text)]));
}

function draftStep(step: Step): DraftStep {
  return {
    id: step.id,
    kind: step.kind,
    title: step.title ?? '',
    body: step.body ?? '',
    placement: ('placement' in step && step.placement) || 'auto',
    advance: step.advance?.on ?? 'next',
    advancePage: step.advance?.page ?? '',
    advanceStated: step.advance !== undefined,
    ...('target' in step ? { target: step.target } : {}),
    page: step.page ?? '',
    wait: step.wait === undefined ? '' : String(step.wait),
    question: step.kind === 'survey' ? step.question : '',
    scale: step.kind === 'survey' ? step.scale : '1-5',
    locales: draftTexts(step.locales),
  };
}

/** A guide the browser has, as a draft for its next version. */
export function draftOf(guide: Guide): Draft {
  const pages = guide.match.page;
  const languages = [
    ...new Set([
      ...Object.keys(guide.locales ?? {}),
      ...guide.steps.flatMap((s) => Object.keys(s.locales ?? {})),
    ]),
  ];
  return {
    id: guide.id,
    version: guide.version + 1,
    title: guide.title,
    description: guide.description ?? '',
    roles: [...guide.roles],
    crm: guide.crm,
    pages: Array.isArray(pages) ? pages.join('\n') : (pages ?? ''),
    url: guide.match.url ?? '',
    startUrl: guide.startUrl ?? '',
    launchMode: guide.launch.mode,
    launchOnce: guide.launch.once,
    checklist: guide.checklist,
    rollout: guide.rollout
      ? {
          limited: true,
          cohorts: (guide.rollout.cohorts ?? []).join(', '),
          percent: guide.rollout.percent,
          from: guide.rollout.from ?? '',
          until: guide.rollout.until ?? '',
        }
      : NO_ROLLOUT,
    languages,
    locales: draftTexts(guide.locales),
    ...(guide.announcement
      ? { announcement: draftAnnouncement(guide.announcement, guide.locales) }
      : {}),
    steps: guide.steps.map(draftStep),
    fields: (guide.fields ?? []).map((rule) => ({
      id: rule.id ?? '',
      target: rule.target,
      page: rule.page,
      required: rule.required ?? false,
      format: rule.pattern !== undefined ? 'pattern' : (rule.format ?? ''),
      pattern: rule.pattern ?? '',
      picklist: (rule.picklist ?? []).join('\n'),
      message: rule.message,
    })),
  };
}
