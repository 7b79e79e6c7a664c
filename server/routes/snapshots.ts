/**
 * Admins' snapshots of their organisation, as JSON for the dashboard or as CSV.
 */
import type { Hono } from 'hono';
import { DEFAULT_ORG } from '../../core/org';
import {
  addDays,
  buildSnapshot,
  healthRowsNeeded,
  rolesShown,
  rowsNeeded,
  type Period,
  type Snapshot,
} from '../../core/snapshot';
import { snapshotCsv } from '../csv';
import type { GuidePack } from '../guidePack';
import { parseSnapshotQuery, type SnapshotQuery } from '../snapshotQuery';
import type { SignalStore } from '../stores/types';
import type { Admit } from './admission';
import type { AppOptions } from './context';

/** Before any counter: the first day training completions are read from. */
const HISTORY_START = '2000-01-01';

async function readSnapshot(
  store: SignalStore,
  org: string,
  query: SnapshotQuery,
  pack: GuidePack,
  k: number,
): Promise<{ snapshot: Snapshot; roles: string[] }> {
  const periods = [
    ...[query.period, ...(query.baseline ? [query.baseline] : [])].map(rowsNeeded),
    healthRowsNeeded(query.period),
  ];
  const span: Period = {
    from: periods.map((p) => p.from).reduce((a, b) => (a < b ? a : b)),
    to: periods.map((p) => p.to).reduce((a, b) => (a > b ? a : b)),
  };
  const rows = await store.counters(org, span);
  // Training counts every completion up to the period's end, also those before the span.
  const earlier = await store.counters(org, { from: HISTORY_START, to: addDays(span.from, -1) }, [
    'first.guideCompleted',
  ]);
  const snapshot = buildSnapshot([...earlier, ...rows], {
    period: query.period,
    baseline: query.baseline,
    k,
    stepOrder: pack.stepOrder,
    checklists: pack.checklists,
    surveyScales: pack.surveyScales,
    filter: query.filter,
  });
  const periodsShown = [query.period, ...(query.baseline ? [query.baseline] : [])];
  return { snapshot, roles: rolesShown(rows, periodsShown, k) };
}

/** Names of what the snapshot shows only: a role or guide hidden by k stays unnamed. */
function shownLabels(snapshot: Snapshot, pack: GuidePack) {
  const shownRoles = new Set(snapshot.activeUsers.byRole.map((r) => r.role));
  for (const t of snapshot.training) shownRoles.add(t.role);
  for (const u of snapshot.unusedPages) shownRoles.add(u.role);
  const shownGuides = new Set(snapshot.guides.map((g) => g.guide));
  for (const s of snapshot.guideHealth) shownGuides.add(s.guide);
  for (const t of snapshot.training) for (const g of t.guides) shownGuides.add(g.guide);
  for (const a of snapshot.announcements) shownGuides.add(a.guide);
  for (const t of snapshot.taskTime) shownGuides.add(t.guide);
  for (const w of snapshot.workflows) shownGuides.add(w.guide);
  return {
    roles: Object.fromEntries(
      DEFAULT_ORG.roles.filter((r) => shownRoles.has(r.id)).map((r) => [r.id, r.label]),
    ),
    guides: Object.fromEntries(Object.entries(pack.titles).filter(([id]) => shownGuides.has(id))),
  };
}

export function snapshotRoutes(
  app: Hono,
  admit: Admit,
  options: Pick<AppOptions, 'store' | 'pack' | 'k'>,
): void {
  const { store, pack } = options;
  app.get('/v1/snapshots', async (c) => {
    const token = await admit(c, 'admin');
    const query = parseSnapshotQuery(c.req.query());
    const { snapshot, roles } = await readSnapshot(store, token.org, query, pack, options.k);
    const headers = { 'Cache-Control': 'no-store' };
    if (query.format === 'csv') {
      const name = `waymark-${token.org}-${query.period.from}-${query.period.to}.csv`;
      return c.body(snapshotCsv(snapshot), 200, {
        ...headers,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    }
    const labels = shownLabels(snapshot, pack);
    // What the filters may name: the roles with k people active in the period or baseline
    // (before filtering, so narrowing to one role still offers the others), and the guides the
    // organisation publishes.
    const choices = {
      roles: Object.fromEntries(
        DEFAULT_ORG.roles.filter((r) => roles.includes(r.id)).map((r) => [r.id, r.label]),
      ),
      guides: pack.titles,
    };
    return c.json({ schemaVersion: 1, org: token.org, labels, choices, ...snapshot }, 200, headers);
  });
}
