/**
 * Turns plans and what the page answered into the doctor's verdicts and its printed report.
 * Pure, so every wording and the exit code are unit-tested without a browser.
 */
import type { AnchoredStep, StepKind } from '../../core/guide/schema';
import type { GuideProblem } from '../../core/guide/problems';
import { formatProblem } from '../../core/guide/problems';
import type { PageContext } from '../../core/match';
import type { StrategyName, StrategyReport } from '../../runtime/resolveTarget';
import type { GuidePlan, StepPlan } from './plan';
import type { FoundElement, ProbeResult } from './types';

/**
 * - `resolved`: found, and every strategy still points at it;
 * - `fragile`: found, but some strategy finds nothing or only other elements;
 * - `broken`: not found within the step's wait;
 * - `not-yet`: not found, but an earlier step's click may be what brings it;
 * - `no-target`, `other-page`: nothing to check on this page.
 */
export type StepStatus = 'resolved' | 'fragile' | 'broken' | 'not-yet' | 'no-target' | 'other-page';

export interface StepVerdict {
  id: string;
  kind: StepKind;
  status: StepStatus;
  /** The report line, without its status mark. */
  text: string;
  /** What makes a found target fragile, one sentence each. */
  warnings: string[];
  strategies?: StrategyReport[];
  candidates?: number;
  element?: FoundElement | null;
  /** The control the step acts on, when it is not the element itself. */
  control?: ProbeResult['control'];
  waitedMs?: number;
  /** For `other-page`: the page type pattern, or the step whose route leads away. */
  page?: string;
  afterRouteOf?: string;
  /** For checked steps after a click-advanced step on this page. */
  afterClickOf?: string;
}

export interface GuideVerdict {
  id: string;
  title: string;
  file?: string;
  steps: StepVerdict[];
}

export interface Summary {
  guides: number;
  steps: number;
  resolved: number;
  /** Of the resolved ones, how many are fragile. */
  withWarnings: number;
  broken: number;
  notYet: number;
  noTarget: number;
  otherPage: number;
  /** Guides left out because they do not match the page. */
  notMatching: number;
  /** Guide files with problems (not checked). */
  problemFiles: number;
}

export interface DoctorReport {
  url: string;
  /** Where the browser ended up (sign-in and other redirects). */
  finalUrl: string;
  page: PageContext | null;
  guides: GuideVerdict[];
  notMatching: string[];
  problems: (GuideProblem & { text: string })[];
  summary: Summary;
  exitCode: 0 | 1;
}

const MARKS: Record<StepStatus, string> = {
  resolved: '✓',
  fragile: '⚠',
  broken: '✗',
  'not-yet': '?',
  'no-target': '·',
  'other-page': '–',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "anchor 0 matches", "css 3 matches, 1 shown", "label 1 match, none shown". */
export function describeStrategy({ strategy, matches, shown }: StrategyReport): string {
  const found = `${strategy} ${plural(matches, 'match', 'matches')}`;
  if (matches === 0 || shown === matches) return found;
  return `${found}, ${shown === 0 ? 'none' : shown} shown`;
}

function where(element: FoundElement | null | undefined): string {
  if (!element) return '';
  if (element.inFrame && element.inShadowRoot) return '; in a frame, in a shadow root';
  if (element.inFrame) return '; in a frame';
  return element.inShadowRoot ? '; in a shadow root' : '';
}

/** Whether a step does something to a control: focuses it, waits for typing or a click. */
function actsOnControl(step: AnchoredStep): boolean {
  const on = step.advance?.on;
  return step.kind === 'fieldTip' || on === 'click' || on === 'input' || on === 'change';
}

/** "; acts on the input inside it, in a shadow root" when the control is not the element. */
function controlText(control: ProbeResult['control'], step: AnchoredStep): string {
  if (!control || control.same || !actsOnControl(step)) return '';
  return `; acts on the ${control.tag} inside it${where(control).replace(/^;/, ',')}`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function missWarnings(strategies: readonly StrategyReport[]): string[] {
  return strategies
    .filter((s) => !s.votedForResolved)
    .map((s) =>
      s.matches === 0
        ? `${s.strategy} matches nothing`
        : `${s.strategy} matches ${plural(s.matches, 'other element')}`,
    );
}

function checkedVerdict(
  plan: Extract<StepPlan, { kind: 'check' }>,
  probe: ProbeResult,
): StepVerdict {
  const { step } = plan;
  const base = {
    id: step.id,
    kind: step.kind,
    strategies: probe.strategies,
    candidates: probe.candidates,
    element: probe.element,
    control: probe.control,
    waitedMs: probe.waitedMs,
    ...(plan.afterClickOf === undefined ? {} : { afterClickOf: plan.afterClickOf }),
  };
  if (probe.element) {
    const voters: StrategyName[] = probe.strategies
      .filter((s) => s.votedForResolved)
      .map((s) => s.strategy);
    const warnings = missWarnings(probe.strategies);
    if (actsOnControl(step) && !probe.control) {
      warnings.push(`no single control inside the ${probe.element.tag} to act on`);
    }
    const of = `${voters.length} of ${plural(probe.strategies.length, 'strategy', 'strategies')}`;
    const text =
      `step "${step.id}" resolved by ${voters.join(', ')} ` +
      `(${of}; ${plural(probe.candidates, 'candidate')}${where(probe.element)}` +
      `${controlText(probe.control, step)})` +
      (warnings.length > 0 ? `: ${warnings.join(', ')}` : '');
    return { ...base, status: warnings.length > 0 ? 'fragile' : 'resolved', text, warnings };
  }
  const found = probe.strategies.map(describeStrategy).join(', ');
  const counts = `(${plural(probe.candidates, 'candidate')})`;
  if (plan.afterRouteOf !== undefined) {
    // Both pages have this page type, so this may simply be the page before the change.
    return {
      ...base,
      status: 'other-page',
      text: `step "${step.id}" not on this page; it follows step "${plan.afterRouteOf}"'s change to a page of the same type, not checked: ${found} ${counts}`,
      warnings: [],
      afterRouteOf: plan.afterRouteOf,
    };
  }
  if (plan.afterClickOf !== undefined) {
    return {
      ...base,
      status: 'not-yet',
      text: `step "${step.id}" not on the page yet, may need the click of step "${plan.afterClickOf}": ${found} ${counts}`,
      warnings: [],
    };
  }
  return {
    ...base,
    status: 'broken',
    text: `step "${step.id}" not found after ${seconds(plan.waitMs)}: ${found} ${counts}`,
    warnings: [],
  };
}

export function stepVerdict(plan: StepPlan, probe: ProbeResult | undefined): StepVerdict {
  const { step } = plan;
  if (plan.kind === 'no-target') {
    return {
      id: step.id,
      kind: step.kind,
      status: 'no-target',
      text: `step "${step.id}" no target (${step.kind})`,
      warnings: [],
    };
  }
  if (plan.kind === 'other-page') {
    const which =
      plan.page !== undefined ? plan.page : `after step "${plan.afterRouteOf}" changes page`;
    return {
      id: step.id,
      kind: step.kind,
      status: 'other-page',
      text: `step "${step.id}" on another page (${which}), not checked`,
      warnings: [],
      ...(plan.page === undefined ? {} : { page: plan.page }),
      ...(plan.afterRouteOf === undefined ? {} : { afterRouteOf: plan.afterRouteOf }),
    };
  }
  if (!probe) throw new Error(`No answer from the page for step "${step.id}"`);
  return checkedVerdict(plan, probe);
}

export function probeKey(guideIndex: number, stepIndex: number): string {
  return `${guideIndex}:${stepIndex}`;
}

export function guideVerdicts(
  plans: readonly GuidePlan[],
  results: readonly ProbeResult[],
  fileOf: (guideId: string) => string | undefined = () => undefined,
): GuideVerdict[] {
  const byKey = new Map(results.map((r) => [r.key, r]));
  return plans.map(({ guide, steps }, g) => {
    const file = fileOf(guide.id);
    return {
      id: guide.id,
      title: guide.title,
      ...(file === undefined ? {} : { file }),
      steps: steps.map((plan, s) => stepVerdict(plan, byKey.get(probeKey(g, s)))),
    };
  });
}

export function buildReport(input: {
  url: string;
  finalUrl: string;
  page: PageContext | null;
  guides: GuideVerdict[];
  notMatching: string[];
  problems: GuideProblem[];
}): DoctorReport {
  const steps = input.guides.flatMap((g) => g.steps);
  const count = (...statuses: StepStatus[]) =>
    steps.filter((s) => statuses.includes(s.status)).length;
  const summary: Summary = {
    guides: input.guides.length,
    steps: steps.length,
    resolved: count('resolved', 'fragile'),
    withWarnings: count('fragile'),
    broken: count('broken'),
    notYet: count('not-yet'),
    noTarget: count('no-target'),
    otherPage: count('other-page'),
    notMatching: input.notMatching.length,
    problemFiles: new Set(input.problems.map((p) => p.file)).size,
  };
  return {
    ...input,
    problems: input.problems.map((p) => ({ ...p, text: formatProblem(p) })),
    summary,
    exitCode: summary.broken > 0 || summary.problemFiles > 0 ? 1 : 0,
  };
}

export function summaryLine(s: Summary): string {
  const parts = [
    `${s.resolved} resolved${s.withWarnings > 0 ? ` (${s.withWarnings} with warnings)` : ''}`,
    `${s.broken} broken`,
  ];
  if (s.notYet > 0) parts.push(`${s.notYet} not on the page yet`);
  if (s.noTarget > 0) parts.push(`${s.noTarget} without target`);
  if (s.otherPage > 0) parts.push(`${s.otherPage} on another page`);
  let line =
    `Summary: ${plural(s.guides, 'guide')} on this page, ${plural(s.steps, 'step')}: ` +
    `${parts.join(', ')}.`;
  if (s.notMatching > 0) line += ` ${plural(s.notMatching, 'guide')} not for this page.`;
  if (s.problemFiles > 0) {
    line += ` ${plural(s.problemFiles, 'guide file')} with problems, not checked.`;
  }
  return line;
}

/** The readable report: the page, one block per guide, one line per step, then the summary. */
export function formatReport(report: DoctorReport): string {
  const lines: string[] = [];
  const page = report.page
    ? `${report.page.crm} · ${report.page.pageType}`
    : 'not a page Waymark runs on';
  lines.push(`Page ${report.finalUrl} (${page})`);
  if (report.finalUrl !== report.url) lines.push(`  redirected from ${report.url}`);
  for (const guide of report.guides) {
    lines.push('', `${guide.id} "${guide.title}"${guide.file ? ` ${guide.file}` : ''}`);
    for (const step of guide.steps) lines.push(`  ${MARKS[step.status]} ${step.text}`);
  }
  lines.push('');
  if (report.guides.length === 0) {
    lines.push('No guide matches this page.');
    // A CRM that wants a sign-in redirects to its login page, which no guide is for.
    if (report.finalUrl !== report.url) {
      lines.push(
        'If that is a sign-in page, pass --user-data-dir with a profile signed in to the CRM.',
      );
    }
  }
  if (report.notMatching.length > 0) {
    lines.push(`Not for this page: ${report.notMatching.join(', ')}`);
  }
  lines.push(summaryLine(report.summary));
  return lines.join('\n');
}
