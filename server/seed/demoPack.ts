/**
 * The demo CRM and the guide pack, compiled for simulation: the pages each guide and field rule
 * belongs to, how people come to each guide, and how each step's runs tend to end. Compiled once
 * per generation, so that the simulated days only draw from plans.
 */
import { TARGET_STRATEGIES, type TargetStrategy } from '../../core/targetStrategies';
import { fieldKeyOf } from '../../core/fieldRules';
import { fieldRuleSchema, type FieldRule, type Guide } from '../../core/guide/schema';
import { globMatch } from '../../core/match';
import { DEFAULT_ORG } from '../../core/org';
import { isWorkflow, workflowSteps } from '../../core/workflow';
import { isAnnouncement } from '../../core/announcements';

export const DEMO_CRM = 'demo';

/** Page types of the demo CRM (core/adapters/demo.ts), the pages simulated browsers visit. */
export const DEMO_PAGE_TYPES = [
  'home',
  'opportunity:list',
  'opportunity:record',
  'opportunity:edit',
  'account:list',
  'account:record',
  'account:edit',
  'report:home',
  'report:pipeline',
  'report:activity',
  'settings',
] as const;

/**
 * The guide files carry a single field rule (Next Step), and "fields left empty" only means
 * something as a ranking. These rules stand for the demo CRM's other form fields, as a
 * data-quality pack of field rules only (no steps run): checked like any guide's `fields`.
 */
export const DATA_QUALITY_PACK = {
  id: 'demo-data-quality',
  version: 1,
  roles: DEFAULT_ORG.roles.map((r) => r.id),
  fields: [
    { target: { label: 'Amount' }, page: 'opportunity:edit', required: true },
    { target: { label: 'Close Date' }, page: 'opportunity:edit', required: true },
    { target: { label: 'Industry' }, page: 'account:edit', required: true },
    {
      target: { label: 'Phone' },
      page: 'account:edit',
      required: true,
      pattern: '^[+0-9 ()-]{7,}$',
    },
    { target: { label: 'Website' }, page: 'account:edit', pattern: '^https?://' },
  ].map((rule) => fieldRuleSchema.parse({ ...rule, message: 'Fill this in.' })),
} as const;

// ---- How people come to the guides ----

/** How people come to a guide by themselves, from the launcher or their checklist. */
interface GuideUse {
  /** Chance a person sets out to run it on a given working day (once the ramp is over). */
  perDay: number;
  /** The same chance once they have completed it (a job aid is run again, a tour is not). */
  again: number;
  /** The chance on Mondays instead, for guides tied to a weekly routine. */
  mondays?: number;
}

/** Per guide id; a guide of another pack gets the default. */
const GUIDE_USE: Readonly<Record<string, GuideUse>> = {
  'demo-welcome': { perDay: 0.25, again: 0.02 },
  'demo-log-call': { perDay: 0.08, again: 0.5 },
  'demo-update-next-step': { perDay: 0.1, again: 0.15 },
  // The Monday pipeline meeting: managers walk through the review each week (and now and then
  // during the week) and rate it.
  'demo-pipeline-review': { perDay: 0.1, again: 1, mondays: 1 },
  'demo-stalled-deals': { perDay: 0.08, again: 0.3 },
  'demo-text-formatting': { perDay: 0.15, again: 0.05 },
  'demo-settings-display-name': { perDay: 0.06, again: 0.02 },
};
const DEFAULT_USE: GuideUse = { perDay: 0.05, again: 0.2 };

/** The guide whose second step is the drop-off hotspot (if the pack has it). */
const DROP_OFF_GUIDE = 'demo-log-call';
/** The guide a CRM release breaks near the end of the demo (if the pack has it). */
const RELEASE_GUIDE = 'demo-welcome';

/** Base chance that a save leaves a required field empty; the hotspot field's is far higher. */
const EMPTY_RATE = 0.06;
const HOTSPOT_EMPTY_RATE = 0.5;

// ---- The pack, compiled for simulation ----

export type Outcome = 'complete' | 'skip' | 'exit' | 'abandon';

export interface StepPlan {
  id: string;
  /** Concrete page type when the step belongs to a page, else null (the page the run is on). */
  page: string | null;
  anchored: boolean;
  missingRate: number;
  /** The strategies its target names: all of them find nothing while the element is absent. */
  strategies: readonly TargetStrategy[];
  /** The step a CRM release breaks near the end of the demo (guideActivity.ts). */
  breaksOnRelease: boolean;
  outcomes: readonly (readonly [Outcome, number])[];
  survey: { min: number; max: number } | null;
}

export interface GuidePlan {
  guide: Guide;
  pages: readonly string[];
  use: GuideUse;
  steps: StepPlan[];
  /** The steps a page can see done (core/workflow.ts), when the guide defines a workflow. */
  workflow: readonly string[] | null;
}

export interface FieldPlan {
  key: string;
  /** Page types the rule applies to. */
  pages: readonly string[];
  roles: ReadonlySet<string>;
  guideId: string;
  guideVersion: number;
  required: boolean;
  pattern: boolean;
  emptyRate: number;
}

export interface DropOff {
  guide: string;
  version: number;
  step: string;
}

export interface EmptyField {
  pageType: string;
  field: string;
}

function concretePages(pattern: string | readonly string[] | undefined): string[] {
  const patterns =
    pattern === undefined ? ['home'] : typeof pattern === 'string' ? [pattern] : pattern;
  return DEMO_PAGE_TYPES.filter((page) => patterns.some((p) => globMatch(p, page)));
}

export function compileGuides(guides: readonly Guide[]): {
  plans: GuidePlan[];
  dropOff: DropOff;
  /** The step the CRM release breaks (guideActivity.ts); null when no guide points at anything. */
  broken: DropOff | null;
} {
  const runnable = guides
    // An announcement is never run: it is a bar, simulated on its own (simulateDay.ts).
    .filter(
      (g) => g.crm === DEMO_CRM && !isAnnouncement(g) && concretePages(g.match.page).length > 0,
    )
    .sort((a, b) => a.id.localeCompare(b.id));
  const hot =
    runnable.find((g) => g.id === DROP_OFF_GUIDE && g.steps.length >= 2) ??
    runnable.find((g) => g.steps.length >= 2) ??
    runnable[0];
  if (!hot) throw new RangeError('the guide pack has no guide the demo CRM can show');
  const hotStep = (hot.steps[1] ?? hot.steps[0])?.id ?? '';
  // The release breaks the welcome tour, which runs most (else the guide most roles have), at its
  // first step that points at something.
  const released =
    runnable.find((g) => g.id === RELEASE_GUIDE) ??
    ([...runnable].sort(
      (a, b) => b.roles.length - a.roles.length || a.id.localeCompare(b.id),
    )[0] as Guide);
  const target = released.steps.find(
    (step) => 'target' in step && !(released === hot && step.id === hotStep),
  );
  const broken = target ? { guide: released.id, version: released.version, step: target.id } : null;
  const plans = runnable.map((guide) => ({
    guide,
    pages: concretePages(guide.match.page),
    use: GUIDE_USE[guide.id] ?? DEFAULT_USE,
    workflow: isWorkflow(guide) ? workflowSteps(guide).map((step) => step.id) : null,
    steps: guide.steps.map((step): StepPlan => {
      const anchored = 'target' in step;
      const on = step.advance?.on ?? 'next';
      const hotspot = guide === hot && step.id === hotStep;
      // Steps the user must act on in the CRM lose more runs than a Next button does.
      const outcomes: StepPlan['outcomes'] = hotspot
        ? [
            ['complete', 0.42],
            ['skip', 0.15],
            ['exit', 0.16],
            ['abandon', 0.27],
          ]
        : step.kind === 'survey'
          ? [
              ['complete', 0.78],
              ['skip', 0.15],
              ['exit', 0.05],
              ['abandon', 0.02],
            ]
          : on === 'next'
            ? [
                ['complete', 0.92],
                ['skip', 0.04],
                ['exit', 0.03],
                ['abandon', 0.01],
              ]
            : [
                ['complete', 0.88],
                ['skip', 0.03],
                ['exit', 0.04],
                ['abandon', 0.05],
              ];
      return {
        id: step.id,
        page: step.page === undefined ? null : (concretePages(step.page)[0] ?? null),
        anchored,
        // Beacons sit on volatile elements: their targets go missing more often.
        missingRate: !anchored ? 0 : step.kind === 'hotspot' ? 0.12 : 0.02,
        strategies: anchored
          ? TARGET_STRATEGIES.filter((name) => name !== 'frame' && step.target[name] !== undefined)
          : [],
        breaksOnRelease: guide === released && step.id === broken?.step,
        outcomes,
        survey:
          step.kind === 'survey'
            ? step.scale === '0-10'
              ? { min: 0, max: 10 }
              : { min: 1, max: 5 }
            : null,
      };
    }),
  }));
  return { plans, dropOff: { guide: hot.id, version: hot.version, step: hotStep }, broken };
}

export function compileFields(guides: readonly Guide[]): {
  fields: FieldPlan[];
  emptyField: EmptyField;
} {
  const owners: {
    id: string;
    version: number;
    roles: readonly string[];
    fields: readonly FieldRule[];
  }[] = [
    ...guides
      .filter((g) => g.crm === DEMO_CRM)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((g) => ({ id: g.id, version: g.version, roles: g.roles, fields: g.fields ?? [] })),
    DATA_QUALITY_PACK,
  ];
  const fields: FieldPlan[] = [];
  for (const owner of owners) {
    for (const rule of owner.fields) {
      const pages = concretePages(rule.page);
      if (pages.length === 0 || (!rule.required && rule.pattern === undefined)) continue;
      fields.push({
        key: fieldKeyOf(rule),
        pages,
        roles: new Set(owner.roles),
        guideId: owner.id,
        guideVersion: owner.version,
        required: rule.required ?? false,
        pattern: rule.pattern !== undefined,
        emptyRate: EMPTY_RATE,
      });
    }
  }
  // The guides' own first required rule is the one people skip: it is why the guide exists.
  const hot = fields.find((f) => f.required);
  if (!hot) throw new RangeError('no required field rule to leave empty');
  hot.emptyRate = HOTSPOT_EMPTY_RATE;
  return { fields, emptyField: { pageType: hot.pages[0] ?? '', field: hot.key } };
}
