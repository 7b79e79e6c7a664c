/** The query of GET /v1/snapshots, validated like every other input. */
import { z } from 'zod';
import { CRM_IDS } from '../core/adapters';
import { MAX_PERIOD_DAYS, periodDays, type Period, type SnapshotFilter } from '../core/snapshot';
import { COHORTS } from '../core/usage';
import { invalidInput } from './errors';

const day = z.iso.date();
/** The same shapes the signals carry (core/signals.ts): a filter names nothing a counter cannot. */
const slug = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a guide id');

export const snapshotQuerySchema = z
  .object({
    from: day,
    to: day,
    baselineFrom: day.optional(),
    baselineTo: day.optional(),
    format: z.enum(['json', 'csv']).default('json'),
    crm: z.enum(CRM_IDS).optional(),
    role: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a role id')
      .optional(),
    cohort: z.enum(COHORTS).optional(),
    guide: slug.optional(),
    version: z
      .string()
      .regex(/^[1-9][0-9]{0,6}$/, 'must be a version number')
      .transform(Number)
      .optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const check = (from: string, to: string, prefix: '' | 'baseline') => {
      const toName = prefix ? 'baselineTo' : 'to';
      const fromName = prefix ? 'baselineFrom' : 'from';
      if (from > to) {
        ctx.addIssue({ code: 'custom', path: [toName], message: `must not be before ${fromName}` });
        return;
      }
      const days = periodDays({ from, to });
      if (days > MAX_PERIOD_DAYS) {
        ctx.addIssue({
          code: 'custom',
          path: [toName],
          message: `the period may span at most ${MAX_PERIOD_DAYS} days — got ${days}`,
        });
      }
    };
    check(q.from, q.to, '');
    if (q.version !== undefined && q.guide === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['version'],
        message: 'needs guide: a version is of one guide',
      });
    }
    if ((q.baselineFrom === undefined) !== (q.baselineTo === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [q.baselineFrom === undefined ? 'baselineFrom' : 'baselineTo'],
        message: 'baselineFrom and baselineTo go together',
      });
    } else if (q.baselineFrom !== undefined && q.baselineTo !== undefined) {
      check(q.baselineFrom, q.baselineTo, 'baseline');
    }
  });

export interface SnapshotQuery {
  period: Period;
  baseline: Period | null;
  format: 'json' | 'csv';
  filter: SnapshotFilter;
}

export function parseSnapshotQuery(query: Record<string, string>): SnapshotQuery {
  const result = snapshotQuerySchema.safeParse(query, { reportInput: true });
  if (!result.success) throw invalidInput('invalid_query', result.error.issues, 'The query');
  const q = result.data;
  return {
    period: { from: q.from, to: q.to },
    baseline: q.baselineFrom && q.baselineTo ? { from: q.baselineFrom, to: q.baselineTo } : null,
    format: q.format,
    filter: Object.fromEntries(
      (['crm', 'role', 'cohort', 'guide', 'version'] as const)
        .filter((name) => q[name] !== undefined)
        .map((name) => [name, q[name]]),
    ) as SnapshotFilter,
  };
}
