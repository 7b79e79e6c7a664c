/**
 * Which guides and steps a page can vouch for. Pure, so it is unit-tested without a browser; the
 * matching itself is the extension's own (core/match.ts), so the doctor checks exactly the guides
 * a rep would be offered on that page, whatever their role or rollout.
 */
import { adapterById } from '../../core/adapters';
import { DEFAULT_WAIT_MS } from '../../core/guide/defaults';
import type { AnchoredStep, Guide, Step } from '../../core/guide/schema';
import { globMatch, guideMatchesPage, stepFitsPage, type PageContext } from '../../core/match';

export type StepPlan =
  | {
      kind: 'check';
      step: AnchoredStep;
      waitMs: number;
      /**
       * An earlier step on this page advances on a click of its target. What this step points at
       * may only exist after that click (a dialog, a menu), so its absence now proves little.
       */
      afterClickOf?: string;
      /**
       * An earlier step on this page changes page, and the page it leads to has a page type
       * this page also has: the step may belong to the next page, so its absence proves little.
       */
      afterRouteOf?: string;
    }
  | { kind: 'no-target'; step: Step }
  | {
      kind: 'other-page';
      step: Step;
      /** The page type pattern the step belongs to, when the guide says. */
      page?: string;
      /** The step whose `route` advance leads away, when the step names no page of its own. */
      afterRouteOf?: string;
    };

export interface GuidePlan {
  guide: Guide;
  steps: StepPlan[];
}

export function guidesForDoctor(guides: readonly Guide[], page: PageContext | null): Guide[] {
  return page ? guides.filter((guide) => guideMatchesPage(guide, page)) : [];
}

/**
 * One plan per step. A step belongs to the page its `page` names; without one, to the page the
 * last `route` step before it leads to (its `advance.page`, or "elsewhere" when that says
 * nothing), and otherwise to any page the guide matches, as the page's guidance treats it.
 */
export function planGuide(guide: Guide, pageType: string, timeoutMs?: number): GuidePlan {
  let arrival: { page?: string; from: string; fromHere: boolean } | undefined;
  let clicked: string | undefined;
  const steps = guide.steps.map((step): StepPlan => {
    let plan: StepPlan;
    if (step.page !== undefined && !stepFitsPage(step, pageType)) {
      plan = { kind: 'other-page', step, page: step.page };
    } else if (step.page === undefined && arrival && arrival.page === undefined) {
      plan = { kind: 'other-page', step, afterRouteOf: arrival.from };
    } else if (step.page === undefined && arrival?.page && !globMatch(arrival.page, pageType)) {
      plan = { kind: 'other-page', step, page: arrival.page };
    } else if (!('target' in step)) {
      plan = { kind: 'no-target', step };
    } else {
      plan = {
        kind: 'check',
        step,
        waitMs: timeoutMs ?? step.wait ?? DEFAULT_WAIT_MS,
        ...(clicked === undefined ? {} : { afterClickOf: clicked }),
        // The route's own step was on this page, and so may this one be: or on the next.
        ...(arrival?.fromHere ? { afterRouteOf: arrival.from } : {}),
      };
    }
    const on = step.advance?.on;
    if (on === 'route') {
      const here = plan.kind === 'check' || plan.kind === 'no-target';
      arrival = { page: step.advance?.page, from: step.id, fromHere: here };
      clicked = undefined;
    } else if (on === 'click' && plan.kind === 'check') {
      clicked = step.id;
    }
    return plan;
  });
  return { guide, steps };
}

/** Anchor name → selector, from the adapter of the guide's CRM, as the background sends them. */
export function anchorsOf(guide: Guide): Record<string, string> {
  const adapter = adapterById(guide.crm);
  const anchors: Record<string, string> = {};
  for (const step of guide.steps) {
    const anchor = 'target' in step ? step.target.anchor : undefined;
    if (anchor) anchors[anchor] = adapter.anchorSelector(anchor);
  }
  return anchors;
}
