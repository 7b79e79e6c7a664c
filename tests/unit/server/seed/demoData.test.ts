/**
 * The demo data generator (server/seed/): deterministic, the story it tells is visible in the
 * snapshot built from what the store holds, every batch is one the endpoint would accept, and
 * `npm run seed:demo` refuses to add to an org's data unless told to replace it, identically on
 * both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORG } from '../../../../core/org';
import { signalBatchSchema, signalKey, type Signal } from '../../../../core/signals';
import { addDays, buildSnapshot, rowsNeeded, type Snapshot } from '../../../../core/snapshot';
import { TASK_TIME_BUCKETS } from '../../../../core/taskTime';
import { eachDay } from '../../../../core/snapshot/days';
import type { Io } from '../../../../server/commandLine';
import { parseSeedArgs, runSeedDemo, seedDemo } from '../../../../server/seed/command';
import {
  demoData,
  isGuideRunSignal,
  roleCounts,
  type DemoDay,
  type DemoOptions,
  type DemoPlan,
} from '../../../../server/seed/demoData';
import { readGuides } from '../../../../server/guidePack';
import { isAnnouncement } from '../../../../core/announcements';
import { openPostgresStore } from '../../../../server/stores/postgres';
import { openSqliteStore } from '../../../../server/stores/sqlite';
import type { SignalStore } from '../../../../server/stores/types';
import { startTestDatabase, type TestDatabase } from '../../../../scripts/postgres';

const guides = readGuides();
const LAST_DAY = '2026-05-10';
const base: DemoOptions = { guides, users: 200, days: 60, seed: 1, lastDay: LAST_DAY };

function collect(options: DemoOptions): { plan: DemoPlan; days: DemoDay[] } {
  const demo = demoData(options);
  return { plan: demo.plan, days: [...demo.days()] };
}

const signalsOf = (days: DemoDay[]): Signal[] =>
  days.flatMap((d) => d.batches.flatMap((b) => b.signals));

/** Each batch's signals in key order: the order inside a batch means nothing to the store. */
const canonical = (days: DemoDay[]) =>
  days.map((d) => ({
    day: d.day,
    batches: d.batches.map((b) => ({
      ...b,
      signals: [...b.signals]
        .map((s) => ({ ...s }))
        .sort((x, y) => signalKey(x).localeCompare(signalKey(y))),
    })),
  }));

const silent: Io = { out: () => undefined, err: () => undefined };

describe('demo data generation', () => {
  it('is deterministic for a seed, batch ids included, and differs for another seed', () => {
    const small = { ...base, users: 40, days: 14 };
    const a = collect(small);
    const b = collect(small);
    expect(b).toEqual(a);
    const other = collect({ ...small, seed: 2 });
    expect(other.days).not.toEqual(a.days);
  });

  it('mixes the four roles of the org as a real team: 120/30/40/10 of 200', () => {
    expect(roleCounts(200)).toEqual({ rep: 120, manager: 30, service: 40, admin: 10 });
    const orgRoles = DEFAULT_ORG.roles.map((r) => r.id);
    expect(Object.keys(roleCounts(200)).every((role) => orgRoles.includes(role))).toBe(true);
    for (const users of [1, 7, 33, 10_000]) {
      const counts = Object.values(roleCounts(users));
      expect(counts.reduce((x, y) => x + y, 0)).toBe(users);
    }
  });

  it('counts signals without the event log exactly as aggregateSignals does', () => {
    const small = { ...base, users: 60, days: 30 };
    const logged = collect(small);
    const counted = collect({ ...small, aggregation: 'counted' });
    expect(canonical(counted.days)).toEqual(canonical(logged.days));
  });

  it('generates only slices of the same data when asked for a range of browsers', () => {
    const small = { ...base, users: 30, days: 10 };
    const whole = collect(small).days;
    const parts = [
      collect({ ...small, browsers: { from: 0, to: 13 } }).days,
      collect({ ...small, browsers: { from: 13, to: 30 } }).days,
    ];
    const ids = (days: DemoDay[][]) =>
      days.flatMap((d) => d.flatMap((day) => day.batches.map((b) => b.batchId))).sort();
    expect(ids(parts)).toEqual(ids([whole]));
  });

  it('checks its options with sentences that name them', () => {
    expect(() => demoData({ ...base, users: 0 })).toThrow('users must be a whole number');
    expect(() => demoData({ ...base, days: 1.5 })).toThrow('days must be a whole number');
    expect(() => demoData({ ...base, seed: -1 })).toThrow('seed must be a whole number');
    expect(() => demoData({ ...base, lastDay: '2026-02-30' })).toThrow('lastDay must be a date');
    expect(() => demoData({ ...base, guides: [] })).toThrow('no guide for the demo CRM');
  });
});

describe('the default demo (200 users, 60 days)', () => {
  let plan: DemoPlan;
  let days: DemoDay[];
  let store: SignalStore;
  let snapshot: Snapshot;
  let open: Snapshot;

  beforeAll(async () => {
    ({ plan, days } = collect(base));
    store = openSqliteStore(':memory:');
    for (const day of days) {
      await Promise.all(day.batches.map((b) => store.ingest('demo', b.batchId, b.signals)));
    }
    const { period, baseline } = plan.look;
    const rows = await store.counters('demo', {
      from: rowsNeeded(baseline).from,
      to: rowsNeeded(period).to,
    });
    const stepOrder = Object.fromEntries(guides.map((g) => [g.id, g.steps.map((s) => s.id)]));
    snapshot = buildSnapshot(rows, { period, baseline, k: 5, stepOrder });
    // Every figure, however few browsers are behind it: for the story's smaller details.
    open = buildSnapshot(rows, { period, baseline, k: 1, stepOrder });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  it('sends only batches the endpoint accepts, each id once', () => {
    const ids = new Set<string>();
    for (const day of days) {
      for (const batch of day.batches) {
        expect(signalBatchSchema.safeParse(batch).success).toBe(true);
        expect(batch.signals.every((s) => s.day === day.day)).toBe(true);
        ids.add(batch.batchId);
      }
    }
    expect(ids.size).toBe(days.reduce((n, d) => n + d.batches.length, 0));
  });

  it('covers 60 days ending on the last day, with a weekday roll-out in the middle', () => {
    expect(days.map((d) => d.day)).toEqual(
      Array.from({ length: 60 }, (_, i) => {
        const at = Date.parse(`${LAST_DAY}T00:00:00Z`) - (59 - i) * 86_400_000;
        return new Date(at).toISOString().slice(0, 10);
      }),
    );
    expect(plan.roles).toEqual({ rep: 120, manager: 30, service: 40, admin: 10 });
    expect(plan.rollout > plan.period.from && plan.rollout < plan.period.to).toBe(true);
    expect([0, 6]).not.toContain(new Date(`${plan.rollout}T00:00:00Z`).getUTCDay());
    expect(plan.look.period.from).toBe(plan.rollout);
  });

  it('runs no guide before the roll-out: only page views and field problems', () => {
    const before = signalsOf(days.filter((d) => d.day < plan.rollout));
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter(isGuideRunSignal)).toEqual([]);
    expect(new Set(before.map((s) => s.kind))).toEqual(
      new Set([
        'first.activeDay',
        'first.activeWeek',
        'page.viewed',
        'field.empty',
        'field.invalid',
        // Workflows done without guidance, measured passively by observe-only browsers, and
        // the time each completed one took.
        'workflow.started',
        'workflow.completed',
        'workflow.abandoned',
        'task.timed',
      ]),
    );
    expect(new Set(before.map((s) => s.cohort))).toEqual(new Set(['observe']));
    const after = signalsOf(days.filter((d) => d.day >= plan.rollout));
    const run = new Set(after.filter(isGuideRunSignal).map((s) => s.guide));
    // Every guide runs but announcements, which are bars: each of those is seen, dismissed and
    // followed instead.
    const walkthroughs = guides.filter((g) => !isAnnouncement(g));
    expect([...run].sort()).toEqual(walkthroughs.map((g) => g.id).sort());
    for (const announcement of guides.filter(isAnnouncement)) {
      const kinds = new Set(after.filter((s) => s.guide === announcement.id).map((s) => s.kind));
      expect(kinds).toEqual(
        new Set(['announcement.shown', 'announcement.dismissed', 'announcement.clicked']),
      );
    }
  });

  it('runs each guide only for the roles it targets', () => {
    const roles = new Map(guides.map((g) => [g.id, new Set(g.roles)]));
    for (const s of signalsOf(days).filter(isGuideRunSignal)) {
      expect(roles.get(s.guide)?.has(s.role), `${s.guide} for ${s.role}`).toBe(true);
    }
  });

  it('shows every role active, and quieter weekends', () => {
    expect(snapshot.activeUsers.byRole.map((r) => r.role)).toEqual([
      'admin',
      'manager',
      'rep',
      'service',
    ]);
    const perDay = new Map<string, number>();
    for (const d of open.activeUsers.daily) {
      perDay.set(d.day, (perDay.get(d.day) ?? 0) + (typeof d.users === 'number' ? d.users : 0));
    }
    const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const weekends = mean([...perDay].filter(([d]) => weekend(d)).map(([, n]) => n));
    const weekdays = mean([...perDay].filter(([d]) => !weekend(d)).map(([, n]) => n));
    expect(weekends).toBeLessThan(weekdays / 3);
  });

  it('shows the drop-off hotspot as the step where most runs stop', () => {
    const guide = snapshot.guides.find((g) => g.guide === plan.dropOff.guide);
    const step = guide?.steps.find((s) => s.step === plan.dropOff.step);
    expect(step?.dropOffRate).toBeGreaterThan(0.3);
    const rates = snapshot.guides.flatMap((g) =>
      g.steps
        // Steps shown often enough for their rate to mean something.
        .filter((s) => typeof s.shown === 'number' && s.shown >= 30)
        .filter((s) => !(g.guide === plan.dropOff.guide && s.step === plan.dropOff.step))
        .map((s) => s.completionRate)
        .filter((r): r is number => typeof r === 'number'),
    );
    expect(rates.length).toBeGreaterThan(8);
    expect(step?.completionRate).toBeLessThan(Math.min(...rates) - 0.2);
  });

  it('holds back a control group after the roll-out that sees no guide but does the workflows', () => {
    const after = signalsOf(days.filter((d) => d.day >= plan.rollout));
    expect(new Set(after.map((s) => s.cohort))).toEqual(new Set(['guided', 'control', 'observe']));
    const control = after.filter((s) => s.cohort === 'control');
    expect(control.filter(isGuideRunSignal)).toEqual([]);
    expect(control.some((s) => s.kind === 'workflow.completed')).toBe(true);
    // About a quarter of the active browsers on a late day (each sends one first.activeDay).
    const lastDay = signalsOf(days.filter((d) => d.day === plan.period.to));
    const active = lastDay.filter((s) => s.kind === 'first.activeDay');
    const share = active.filter((s) => s.cohort === 'control').length / active.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
    expect(plan.controlShare).toBe(0.25);
  });

  it('shows guided runs completing more often than the control group, with intervals', () => {
    const logCall = snapshot.workflows.find((w) => w.guide === plan.dropOff.guide);
    const { guided, control, difference } = logCall!;
    expect(typeof guided.completionRate).toBe('number');
    expect(typeof control.completionRate).toBe('number');
    expect(guided.completionRate as number).toBeGreaterThan(control.completionRate as number);
    // A real effect at this size: the interval of the difference excludes 0.
    expect(difference!.lower).toBeGreaterThan(0);
    // Before the roll-out, everybody is observe-only.
    expect(typeof logCall!.baseline?.observe.completionRate).toBe('number');
    expect(logCall!.baseline?.guided.started).toEqual({ suppressed: true });
    expect(logCall!.baselineDifference).not.toBeNull();
  });

  it('shows the often-empty field on top, far ahead of the others, and dropping after roll-out', () => {
    const top = snapshot.fields[0];
    expect(top?.pageType).toBe(plan.emptyField.pageType);
    const [first, ...others] = snapshot.fields.flatMap((p) => p.fields);
    expect(first?.field).toBe(plan.emptyField.field);
    const empty = first?.empty as number;
    for (const other of others) {
      if (typeof other.empty === 'number') expect(empty).toBeGreaterThan(3 * other.empty);
    }
    expect(first?.baseline?.empty).toBeGreaterThan(empty);
  });

  it('has survey answers where a guide has a survey step, and some missing targets', () => {
    const surveyed = guides.filter((g) => g.steps.some((s) => s.kind === 'survey'));
    expect(surveyed.length).toBeGreaterThan(0);
    for (const g of surveyed) {
      const survey = snapshot.surveys.find((s) => s.guide === g.id);
      const step = g.steps.find((s) => s.kind === 'survey');
      const [min, max] = step?.kind === 'survey' && step.scale === '0-10' ? [0, 10] : [1, 5];
      expect(survey?.responses).toBeGreaterThan(5);
      expect(survey?.meanScore).toBeGreaterThanOrEqual(min);
      expect(survey?.meanScore).toBeLessThanOrEqual(max);
    }
    const missing = open.guides.reduce(
      (n, g) => n + (typeof g.targetMissing === 'number' ? g.targetMissing : 0),
      0,
    );
    expect(missing).toBeGreaterThan(0);
  });

  /** The signals of the look period (from the roll-out) or of its baseline (just before). */
  const inLook = (which: 'period' | 'baseline') => {
    const { from, to } = plan.look[which];
    return signalsOf(days.filter((d) => d.day >= from && d.day <= to));
  };

  it('times tasks in every cohort, by bucket of a guide alone', () => {
    const timed = signalsOf(days).filter((s) => s.kind === 'task.timed');
    expect(new Set(timed.map((s) => s.cohort))).toEqual(new Set(['guided', 'control', 'observe']));
    for (const s of timed) {
      expect(TASK_TIME_BUCKETS).toContain(s.field);
      expect([s.step, s.pageType, s.scoreSum, s.guide === '']).toEqual(['', '', 0, false]);
    }
    // One timing per completed run or workflow: as many as guide.completed and
    // workflow.completed together, per guide and cohort.
    const total = (kinds: string[]) => {
      const sums = new Map<string, number>();
      for (const s of signalsOf(days).filter((x) => kinds.includes(x.kind))) {
        const key = `${s.guide}/${s.cohort}`;
        sums.set(key, (sums.get(key) ?? 0) + s.count);
      }
      return sums;
    };
    expect(total(['task.timed'])).toEqual(total(['guide.completed', 'workflow.completed']));
  });

  it('shows guided tasks done faster than the control group’s and observe-only ones, more so as people settle in', () => {
    /** The share of a cohort's timed tasks done in under 2 minutes, in signals `of`. */
    const quick = (of: Signal[], cohort: string) => {
      const timed = of.filter((s) => s.kind === 'task.timed' && s.cohort === cohort);
      const all = timed.reduce((n, s) => n + s.count, 0);
      const fast = timed
        .filter((s) => s.field === 'under-30s' || s.field === '30s-2m')
        .reduce((n, s) => n + s.count, 0);
      expect(all).toBeGreaterThan(50);
      return fast / all;
    };
    const period = inLook('period');
    const guided = quick(period, 'guided');
    expect(guided).toBeGreaterThan(quick(period, 'control') + 0.15);
    expect(guided).toBeGreaterThan(quick(period, 'observe') + 0.15);
    // The first two weeks of the roll-out against the last two.
    const { from, to } = plan.look.period;
    const half = addDays(from, 14);
    const early = signalsOf(days.filter((d) => d.day >= from && d.day < half));
    const late = signalsOf(days.filter((d) => d.day >= half && d.day <= to));
    expect(quick(late, 'guided')).toBeGreaterThan(quick(early, 'guided') + 0.1);
  });

  it('has a 0–10 survey whose promoters, passives and detractors each come from at least k answers', () => {
    const survey = guides.find((g) =>
      g.steps.some((s) => s.kind === 'survey' && s.scale === '0-10'),
    );
    expect(survey?.id).toBe('demo-pipeline-review');
    const answers = inLook('period').filter(
      (s) => s.kind === 'survey.answered' && s.guide === survey?.id,
    );
    const contributors = (low: number, high: number) =>
      answers
        .filter((s) => Number(s.field) >= low && Number(s.field) <= high)
        .reduce((n, s) => n + s.contributor, 0);
    // Every counter carries its score, and sums it once per answer.
    for (const s of answers) expect(s.scoreSum).toBe(s.count * Number(s.field));
    expect(answers.every((s) => /^(?:[0-9]|10)$/.test(s.field))).toBe(true);
    expect(contributors(9, 10)).toBeGreaterThanOrEqual(5);
    expect(contributors(7, 8)).toBeGreaterThanOrEqual(5);
    expect(contributors(0, 6)).toBeGreaterThanOrEqual(5);
  });

  it('has reps leave the pipeline report after the roll-out, and no other page of theirs', () => {
    const repViews = (which: 'period' | 'baseline') => {
      const views = new Map<string, number>();
      for (const s of inLook(which)) {
        if (s.kind !== 'page.viewed' || s.role !== 'rep') continue;
        views.set(s.pageType, (views.get(s.pageType) ?? 0) + s.count);
      }
      return views;
    };
    const before = repViews('baseline');
    const after = repViews('period');
    const fell = [...before]
      .filter(([page, n]) => (after.get(page) ?? 0) < n / 2)
      .map(([page]) => page);
    expect(fell).toEqual(['report:pipeline']);
    // Rarely, not never: fewer than a fifth of the views, from some reps still.
    const [was, is] = [before.get('report:pipeline') ?? 0, after.get('report:pipeline') ?? 0];
    expect(was).toBeGreaterThan(500);
    expect(is).toBeLessThan(was / 5);
    expect(is).toBeGreaterThan(0);
  });

  it('has snoozes of a guide that launches by itself, beside its dismissals', () => {
    const auto = open.guides.filter((g) =>
      guides.some((guide) => guide.id === g.guide && guide.launch.mode === 'auto'),
    );
    expect(auto.some((g) => typeof g.snoozed === 'number' && g.snoozed > 0)).toBe(true);
    expect(auto.some((g) => typeof g.dismissed === 'number' && g.dismissed > 0)).toBe(true);
  });

  it('shows the step a CRM release broke, and only it, in guide health: all its strategies found nothing', () => {
    const release = plan.release;
    // The guide every role runs, at its first step that points at something.
    expect(release).toMatchObject({
      guide: 'demo-welcome',
      step: guides.find((g) => g.id === 'demo-welcome')?.steps.find((s) => 'target' in s)?.id,
    });
    // Three working days before the end, the last included.
    const workdays = eachDay({ from: release?.day ?? '', to: plan.period.to }).filter(
      (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    );
    expect(workdays).toHaveLength(3);
    expect(workdays[0]).toBe(release?.day);
    const flagged = snapshot.guideHealth.filter((s) => s.flagged);
    expect(flagged.map((s) => `${s.guide}@${s.version}/${s.step}`)).toEqual([
      `${release?.guide}@${release?.version}/${release?.step}`,
    ]);
    const step = guides
      .find((g) => g.id === release?.guide)
      ?.steps.find((s) => s.id === release?.step);
    const target = step && 'target' in step ? step.target : {};
    // Judged on days after the release, which the days before it are compared with.
    expect((flagged[0]?.from ?? '') >= (release?.day ?? '')).toBe(true);
    expect(flagged[0]?.latest.rate).toBeGreaterThanOrEqual(0.25);
    expect(flagged[0]?.failedStrategies.map((f) => f.strategy).sort()).toEqual(
      Object.keys(target)
        .filter((key) => key !== 'name' && key !== 'nth' && key !== 'frame')
        .sort(),
    );
  });
});

describe('seed:demo arguments', () => {
  it('has defaults and checks each option', () => {
    expect(parseSeedArgs([])).toEqual({
      org: 'demo',
      users: 200,
      days: 60,
      seed: 1,
      replace: false,
    });
    expect(parseSeedArgs(['--org', 'acme', '--users', '50', '--days', '7', '--seed', '0'])).toEqual(
      { org: 'acme', users: 50, days: 7, seed: 0, replace: false },
    );
    expect(() => parseSeedArgs(['--org', 'Acme Corp'])).toThrow(
      '--org "Acme Corp" is not a valid org',
    );
    expect(() => parseSeedArgs(['--users', '0'])).toThrow('--users must be a whole number from 1');
    expect(() => parseSeedArgs(['--users', 'many'])).toThrow('--users must be a whole number');
    expect(() => parseSeedArgs(['--days', '400'])).toThrow(
      '--days must be a whole number from 1 to 366',
    );
    expect(() => parseSeedArgs(['--seed', '1.5'])).toThrow('--seed must be a whole number from 0');
    expect(() => parseSeedArgs(['--size', '3'])).toThrow("Unknown option '--size'");
  });

  it('prints the usage with the problem and exits 1', async () => {
    const lines: string[] = [];
    const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(l) };
    expect(await runSeedDemo(['--days', 'x'], {}, io)).toBe(1);
    expect(lines.join('\n')).toContain('--days must be a whole number');
    expect(lines.join('\n')).toContain('Usage: npm run seed:demo');
  });
});

interface StoreUnderTest {
  name: string;
  open(): Promise<{ store: SignalStore; cleanup(): Promise<void> }>;
}

const stores: StoreUnderTest[] = [
  {
    name: 'SQLite',
    async open() {
      const store = openSqliteStore(':memory:');
      return { store, cleanup: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const db: TestDatabase = await startTestDatabase();
      const store = await openPostgresStore({ connectionString: db.url });
      return {
        store,
        async cleanup() {
          await store.close();
          await db.stop();
        },
      };
    },
  },
];

describe.each(stores)('seeding on $name', (storeUnderTest) => {
  let opened: Awaited<ReturnType<StoreUnderTest['open']>>;
  const args = { org: 'seeded', users: 30, days: 10, seed: 3, replace: false };
  const options = { lastDay: LAST_DAY, io: silent };

  beforeAll(async () => {
    opened = await storeUnderTest.open();
  }, 60_000);

  afterAll(async () => {
    await opened?.cleanup();
  }, 30_000);

  it('reports an org without data as empty', async () => {
    expect(await opened.store.orgData('nobody')).toEqual({
      counters: 0,
      batches: 0,
      from: null,
      to: null,
    });
  });

  it('fills an org, refuses to add to it, and replaces it only when told to', async () => {
    const { store } = opened;
    const first = await seedDemo(store, args, options);
    expect(first?.rows).toBeGreaterThan(0);
    const stored = await store.orgData('seeded');
    expect(stored).toEqual({
      counters: first?.rows,
      batches: first?.batches,
      from: first?.plan.period.from,
      to: LAST_DAY,
    });
    const rows = await store.counters('seeded', first?.plan.period ?? { from: '', to: '' });

    const messages: string[] = [];
    const io: Io = { out: () => undefined, err: (l) => messages.push(l) };
    expect(await seedDemo(store, args, { ...options, io })).toBeNull();
    expect(messages.join('\n')).toContain('already has');
    expect(messages.join('\n')).toContain('--replace');
    expect(await store.orgData('seeded')).toEqual(stored);

    // The same seed again: the same batch ids, counted afresh because they were deleted too.
    const again = await seedDemo(store, { ...args, replace: true }, options);
    expect(again?.batches).toBe(first?.batches);
    expect(await store.orgData('seeded')).toEqual(stored);
    expect(await store.counters('seeded', first?.plan.period ?? { from: '', to: '' })).toEqual(
      rows,
    );
  }, 60_000);

  it('deletes one org and leaves the others alone', async () => {
    const { store } = opened;
    await seedDemo(store, { ...args, org: 'other', users: 10, days: 3 }, options);
    const other = await store.orgData('other');
    expect(await store.deleteOrgData('seeded')).toEqual({
      counters: expect.any(Number) as number,
      batches: expect.any(Number) as number,
    });
    expect(await store.orgData('seeded')).toEqual({
      counters: 0,
      batches: 0,
      from: null,
      to: null,
    });
    expect(await store.orgData('other')).toEqual(other);
  }, 60_000);
});
