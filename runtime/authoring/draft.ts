/**
 * The guide a trainer is writing, and its translation into guide JSON. Kept in the background
 * while the trainer moves between pages; checked by the guide schema only when previewed or
 * downloaded, so a half-written step is never lost to a validation error.
 */
import type { CrmId } from '../../core/adapters';
import { ADVANCE_ON, GUIDE_SCHEMA_VERSION, PLACEMENTS, type Target } from '../../core/guide/schema';

export const DRAFT_STEP_KINDS = ['tooltip', 'spotlight', 'hotspot', 'fieldTip', 'modal'] as const;
export type DraftStepKind = (typeof DRAFT_STEP_KINDS)[number];

export interface DraftStep {
  id: string;
  kind: DraftStepKind;
  title: string;
  body: string;
  placement: (typeof PLACEMENTS)[number];
  advance: (typeof ADVANCE_ON)[number];
  /** Absent for modal steps. */
  target?: Target;
  /** The page type the step was written on. */
  page: string;
}

export interface Draft {
  id: string;
  version: number;
  title: string;
  roles: string[];
  crm: CrmId;
  /** The page type the guide starts on. */
  page: string;
  steps: DraftStep[];
}

export function emptyDraft(crm: CrmId, page: string, role: string): Draft {
  return { id: '', version: 1, title: '', roles: [role], crm, page, steps: [] };
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

export function needsTarget(kind: DraftStepKind): boolean {
  return kind !== 'modal';
}

/** The guide file, keys in the order the shipped guides use. */
export function guideOf(draft: Draft): Record<string, unknown> {
  return {
    $schema: './guide.schema.json',
    schemaVersion: GUIDE_SCHEMA_VERSION,
    id: draft.id,
    version: draft.version,
    title: draft.title,
    roles: draft.roles,
    crm: draft.crm,
    match: { page: draft.page },
    steps: draft.steps.map((step) => ({
      id: step.id,
      kind: step.kind,
      ...(step.target && needsTarget(step.kind) ? { target: step.target } : {}),
      ...(step.title.trim() ? { title: step.title.trim() } : {}),
      ...(step.body.trim() ? { body: step.body.trim() } : {}),
      ...(needsTarget(step.kind) && step.placement !== 'auto' ? { placement: step.placement } : {}),
      ...(step.page !== draft.page ? { page: step.page } : {}),
      advance: { on: step.advance },
    })),
  };
}
