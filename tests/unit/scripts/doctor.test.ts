// npm run guides:doctor, the parts that need no browser: arguments, which steps a page can vouch
// for, verdicts, the printed report and its exit code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalGuideText } from '../../../core/guide/problems';
import type { StrategyReport } from '../../../runtime/resolveTarget';
import { parseArgs } from '../../../scripts/doctor/args';
import { GuideLoadError, loadGuides } from '../../../scripts/doctor/guides';
import { probeScript } from '../../../scripts/doctor/page';
import { anchorsOf, guidesForDoctor, planGuide, type StepPlan } from '../../../scripts/doctor/plan';
import {
  buildReport,
  describeStrategy,
  formatReport,
  guideVerdicts,
  probeKey,
  stepVerdict,
  type GuideVerdict,
} from '../../../scripts/doctor/report';
import { main } from '../../../scripts/doctor/run';
import type { ProbeResult } from '../../../scripts/doctor/types';
import { makeGuide } from '../helpers/guides';

const URL_ARG = ['--url', 'http://127.0.0.1:5178/app/home'];

describe('guides:doctor arguments', () => {
  it('reads the url, options and guide files in any order', () => {
    expect(
      parseArgs([
        'guides/a.json',
        '--url',
        'https://acme.lightning.force.com/lightning/page/home',
        '--timeout=2500',
        '--json',
        '--user-data-dir',
        '/tmp/profile',
        '--chromium-arg',
        '--proxy-server=http://127.0.0.1:3128',
        'guides/b.json',
        '--chromium-arg=--lang=de',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        url: 'https://acme.lightning.force.com/lightning/page/home',
        files: ['guides/a.json', 'guides/b.json'],
        timeoutMs: 2500,
        userDataDir: '/tmp/profile',
        chromiumArgs: ['--proxy-server=http://127.0.0.1:3128', '--lang=de'],
        json: true,
      },
    });
  });

  it('defaults to every guide, each step its own wait, readable output', () => {
    expect(parseArgs(URL_ARG)).toEqual({
      kind: 'run',
      options: { url: 'http://127.0.0.1:5178/app/home', files: [], chromiumArgs: [], json: false },
    });
  });

  it('takes everything after -- as a file', () => {
    const parsed = parseArgs([...URL_ARG, '--', '--odd-name.json']);
    expect(parsed.kind === 'run' && parsed.options.files).toEqual(['--odd-name.json']);
  });

  it('answers --help', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'Name the page to check with --url URL (see --help).'],
    [['--url'], '--url needs a value.'],
    [['--url', '--json'], '--url needs a value.'],
    [['--url', 'crm.example.com'], /--url needs an absolute address .* got "crm\.example\.com"\./],
    [
      ['--url', 'file:///etc/passwd'],
      '--url must be an http or https address, got "file:///etc/passwd".',
    ],
    [
      [...URL_ARG, '--timeout', 'soon'],
      /--timeout takes whole milliseconds from 1 to 600000, got "soon"\./,
    ],
    [[...URL_ARG, '--timeout', '0'], /--timeout takes whole milliseconds/],
    [[...URL_ARG, '--timeout', '1.5'], /--timeout takes whole milliseconds/],
    [[...URL_ARG, '--headed'], 'Unknown option --headed (see --help).'],
    [[...URL_ARG, '--json=yes'], '--json takes no value.'],
    [[...URL_ARG, '--url', 'http://localhost/'], '--url is given twice.'],
  ])('refuses %j', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind !== 'error') return;
    if (typeof message === 'string') expect(parsed.message).toBe(message);
    else expect(parsed.message).toMatch(message);
  });
});

describe('guides:doctor usage errors exit 2 before any browser starts', () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
  }

  it('a bad argument', async () => {
    const { err, io } = capture();
    expect(await main(['--url', 'nowhere'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/^--url needs an absolute address/);
  });

  it('an unreadable guide file, in guides:check words', async () => {
    const { err, io } = capture();
    expect(await main([...URL_ARG, 'no/such/guide.json'], io)).toBe(2);
    expect(err).toEqual(['no/such/guide.json: cannot be read (ENOENT)']);
  });

  it('--help prints the usage and exits 0', async () => {
    const { out, io } = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^Usage: npm run guides:doctor -- --url URL/);
  });
});

describe('guides:doctor guide files', () => {
  it('reads every guide of guides/ by default, with the file it came from', () => {
    const { guides, problems } = loadGuides([]);
    expect(problems).toEqual([]);
    expect(guides.map((g) => g.file)).toContain('guides/demo-log-call.json');
    for (const { guide, file } of guides) expect(file).toBe(`guides/${guide.id}.json`);
  });

  it('checks named files as guides:check does: problems are reported, valid guides kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctor-'));
    const good = join(dir, 'g.json');
    writeFileSync(good, canonicalGuideText(makeGuide()));
    const misnamed = join(dir, 'other.json');
    writeFileSync(misnamed, canonicalGuideText({ ...makeGuide(), id: 'h' }));
    const { guides, problems } = loadGuides([good, misnamed]);
    expect(guides.map((g) => g.guide.id)).toEqual(['g', 'h']);
    expect(problems).toEqual([
      {
        file: misnamed,
        path: 'id',
        message: '"h" differs from the file name; name the file h.json',
      },
    ]);
  });

  it('an unreadable file is a usage error, every such file named', () => {
    let thrown: unknown;
    try {
      loadGuides(['missing.json', tmpdir()]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GuideLoadError);
    expect((thrown as GuideLoadError).exitCode).toBe(2);
    expect((thrown as GuideLoadError).message).toBe(
      `missing.json: cannot be read (ENOENT)\n${tmpdir()}: cannot be read (EISDIR)`,
    );
  });
});

const multiPage = makeGuide({
  id: 'multi',
  match: { page: ['opportunity:*'] },
  steps: [
    {
      id: 'pick',
      kind: 'tooltip',
      page: 'opportunity:list',
      target: { css: '.rows a' },
      advance: { on: 'route', page: 'opportunity:record' },
    },
    { id: 'open', kind: 'tooltip', target: { anchor: 'record.edit' }, advance: { on: 'click' } },
    { id: 'dialog', kind: 'fieldTip', target: { label: 'Subject' }, wait: 2000 },
    { id: 'leave', kind: 'tooltip', target: { text: 'Back' }, advance: { on: 'route' } },
    { id: 'anywhere', kind: 'tooltip', target: { text: 'Help' } },
    { id: 'edit', kind: 'tooltip', page: 'opportunity:edit', target: { label: 'Next Step' } },
    { id: 'done', kind: 'modal', page: 'opportunity:*' },
  ],
});

describe('guides:doctor plans', () => {
  it('checks the guides a rep would be offered on the page, whatever their role', () => {
    const home = makeGuide({ id: 'home', roles: ['admin'], rollout: { percent: 0 } });
    const settings = makeGuide({ id: 'settings', match: { page: 'settings' } });
    const page = { crm: 'demo' as const, pageType: 'home', path: '/app/home' };
    expect(guidesForDoctor([home, settings], page)).toEqual([home]);
    expect(guidesForDoctor([home, settings], null)).toEqual([]);
    expect(guidesForDoctor([home], { ...page, crm: 'salesforce' })).toEqual([]);
  });

  it('steps on another page, after a page change, without target, after a click', () => {
    const plan = (pageType: string) =>
      planGuide(multiPage, pageType).steps.map((s) =>
        s.kind === 'check'
          ? [s.step.id, s.kind, s.waitMs, s.afterClickOf]
          : [
              s.step.id,
              s.kind,
              s.kind === 'other-page' ? (s.page ?? `after ${s.afterRouteOf}`) : '',
            ],
      );
    expect(plan('opportunity:record')).toEqual([
      ['pick', 'other-page', 'opportunity:list'],
      // It names no page, but the route of "pick" leads to opportunity:record.
      ['open', 'check', 8000, undefined],
      ['dialog', 'check', 2000, 'open'],
      ['leave', 'check', 8000, 'open'],
      // After "leave" changes page to anywhere else, this page cannot be the one.
      ['anywhere', 'other-page', 'after leave'],
      ['edit', 'other-page', 'opportunity:edit'],
      ['done', 'no-target', ''],
    ]);
    expect(plan('opportunity:list')).toEqual([
      ['pick', 'check', 8000, undefined],
      ['open', 'other-page', 'opportunity:record'],
      ['dialog', 'other-page', 'opportunity:record'],
      ['leave', 'other-page', 'opportunity:record'],
      ['anywhere', 'other-page', 'after leave'],
      ['edit', 'other-page', 'opportunity:edit'],
      ['done', 'no-target', ''],
    ]);
  });

  it('after a change to a page of the same type, a missing step is not called broken', () => {
    // Two pages the adapter gives one page type (a generic CRM without route templates).
    const guide = makeGuide({
      match: { page: 'other' },
      steps: [
        {
          id: 'open-contact',
          kind: 'tooltip',
          target: { text: 'Ada' },
          advance: { on: 'route', page: 'other' },
        },
        { id: 'phone', kind: 'fieldTip', target: { label: 'Phone' } },
      ],
    });
    const [open, phone] = planGuide(guide, 'other').steps;
    expect(open).toMatchObject({ kind: 'check' });
    expect(phone).toMatchObject({ kind: 'check', afterRouteOf: 'open-contact' });
    const missing = stepVerdict(phone as StepPlan, {
      key: 'k',
      strategies: [strategy('label', 0, false)],
      candidates: 0,
      element: null,
      control: null,
      waitedMs: 8000,
    });
    expect(missing.status).toBe('other-page');
    expect(missing.text).toBe(
      'step "phone" not on this page; it follows step "open-contact"\'s change to a page of the same type, not checked: label 0 matches (0 candidates)',
    );
  });

  it('a step without page and without a route before it is checked on any page', () => {
    const guide = makeGuide({
      steps: [{ id: 'a', kind: 'tooltip', target: { anchor: 'x' }, wait: 100 }],
    });
    expect(planGuide(guide, 'whatever').steps[0]).toMatchObject({ kind: 'check', waitMs: 100 });
  });

  it('--timeout replaces every step wait', () => {
    const waits = planGuide(multiPage, 'opportunity:record', 1500).steps.flatMap((s) =>
      s.kind === 'check' ? [s.waitMs] : [],
    );
    expect(waits).toEqual([1500, 1500, 1500]);
  });

  it('anchors come from the adapter of the guide CRM', () => {
    expect(anchorsOf(multiPage)).toEqual({ 'record.edit': '[data-anchor="record.edit"]' });
  });
});

const strategy = (
  name: StrategyReport['strategy'],
  matches: number,
  votedForResolved: boolean,
  shown = matches,
): StrategyReport => ({ strategy: name, matches, shown, votedForResolved });

const found = { tag: 'button', inShadowRoot: false, inFrame: false };

function checked(id: string, probe: Omit<ProbeResult, 'key'>, afterClickOf?: string) {
  const step = { id, kind: 'tooltip' as const, target: { anchor: 'a' } };
  return stepVerdict(
    { kind: 'check', step, waitMs: 8000, ...(afterClickOf ? { afterClickOf } : {}) },
    { key: 'k', ...probe },
  );
}

describe('guides:doctor verdicts', () => {
  it('resolved by every strategy', () => {
    const verdict = checked('log-call', {
      strategies: [strategy('anchor', 1, true), strategy('role', 1, true)],
      candidates: 1,
      element: found,
      control: { ...found, same: true },
      waitedMs: 3,
    });
    expect(verdict.status).toBe('resolved');
    expect(verdict.text).toBe(
      'step "log-call" resolved by anchor, role (2 of 2 strategies; 1 candidate)',
    );
  });

  it('a strategy that finds nothing or only other elements makes the step fragile', () => {
    const verdict = checked('log-call', {
      strategies: [
        strategy('anchor', 0, false),
        strategy('role', 1, true),
        strategy('text', 2, false),
      ],
      candidates: 3,
      element: { tag: 'input', inShadowRoot: true, inFrame: false },
      control: { tag: 'input', inShadowRoot: true, inFrame: false, same: true },
      waitedMs: 3,
    });
    expect(verdict.status).toBe('fragile');
    expect(verdict.warnings).toEqual(['anchor matches nothing', 'text matches 2 other elements']);
    expect(verdict.text).toBe(
      'step "log-call" resolved by role (1 of 3 strategies; 3 candidates; in a shadow root): anchor matches nothing, text matches 2 other elements',
    );
  });

  it('not found: what every strategy saw', () => {
    const verdict = checked('subject', {
      strategies: [strategy('anchor', 0, false), strategy('label', 2, false, 0)],
      candidates: 2,
      element: null,
      control: null,
      waitedMs: 8000,
    });
    expect(verdict.status).toBe('broken');
    expect(verdict.text).toBe(
      'step "subject" not found after 8 s: anchor 0 matches, label 2 matches, none shown (2 candidates)',
    );
  });

  it('not found after a click on this page: not yet there rather than broken', () => {
    const verdict = checked(
      'subject',
      {
        strategies: [strategy('label', 0, false)],
        candidates: 0,
        element: null,
        control: null,
        waitedMs: 8000,
      },
      'open',
    );
    expect(verdict.status).toBe('not-yet');
    expect(verdict.text).toBe(
      'step "subject" not on the page yet, may need the click of step "open": label 0 matches (0 candidates)',
    );
  });

  it('names the control a step acts on when the anchor found its wrapper', () => {
    const wrapper = { tag: 'records-record-layout-item', inShadowRoot: false, inFrame: false };
    const step = {
      id: 'next-step',
      kind: 'fieldTip' as const,
      target: { anchor: 'sfdc:RecordField.Opportunity.NextStep', label: 'Next Step' },
    };
    const probe = {
      key: 'k',
      strategies: [strategy('anchor', 1, true), strategy('label', 1, true)],
      candidates: 2,
      element: wrapper,
      waitedMs: 3,
    };
    const withInput = stepVerdict(
      { kind: 'check', step, waitMs: 8000 },
      { ...probe, control: { tag: 'input', inShadowRoot: true, inFrame: false, same: false } },
    );
    expect(withInput.status).toBe('resolved');
    expect(withInput.text).toBe(
      'step "next-step" resolved by anchor, label (2 of 2 strategies; 2 candidates; acts on the input inside it, in a shadow root)',
    );
    const without = stepVerdict({ kind: 'check', step, waitMs: 8000 }, { ...probe, control: null });
    expect(without.status).toBe('fragile');
    expect(without.warnings).toEqual([
      'no single control inside the records-record-layout-item to act on',
    ]);
  });

  it('describes strategy counts', () => {
    expect(describeStrategy(strategy('css', 1, true))).toBe('css 1 match');
    expect(describeStrategy(strategy('css', 3, true, 1))).toBe('css 3 matches, 1 shown');
  });
});

describe('guides:doctor report', () => {
  const page = { crm: 'demo' as const, pageType: 'opportunity:record', path: '/app/x' };
  const results: ProbeResult[] = [
    {
      key: probeKey(0, 1),
      strategies: [strategy('anchor', 1, true)],
      candidates: 1,
      element: found,
      control: { ...found, same: true },
      waitedMs: 1,
    },
    {
      key: probeKey(0, 2),
      strategies: [strategy('label', 0, false)],
      candidates: 0,
      element: null,
      control: null,
      waitedMs: 2000,
    },
    {
      key: probeKey(0, 3),
      strategies: [strategy('text', 0, false)],
      candidates: 0,
      element: null,
      control: null,
      waitedMs: 8000,
    },
  ];
  const verdicts = (): GuideVerdict[] =>
    guideVerdicts([planGuide(multiPage, page.pageType)], results, () => 'guides/multi.json');

  it('one block per guide, one line per step, a summary, exit 0 when nothing is broken', () => {
    const report = buildReport({
      url: 'http://127.0.0.1/app/x',
      finalUrl: 'http://127.0.0.1/app/x',
      page,
      guides: verdicts(),
      notMatching: ['demo-welcome'],
      problems: [],
    });
    expect(report.exitCode).toBe(0);
    expect(formatReport(report)).toBe(
      [
        'Page http://127.0.0.1/app/x (demo · opportunity:record)',
        '',
        'multi "G" guides/multi.json',
        '  – step "pick" on another page (opportunity:list), not checked',
        '  ✓ step "open" resolved by anchor (1 of 1 strategy; 1 candidate)',
        '  ? step "dialog" not on the page yet, may need the click of step "open": label 0 matches (0 candidates)',
        '  ? step "leave" not on the page yet, may need the click of step "open": text 0 matches (0 candidates)',
        '  – step "anywhere" on another page (after step "leave" changes page), not checked',
        '  – step "edit" on another page (opportunity:edit), not checked',
        '  · step "done" no target (modal)',
        '',
        'Not for this page: demo-welcome',
        'Summary: 1 guide on this page, 7 steps: 1 resolved, 0 broken, 2 not on the page yet, 1 without target, 3 on another page. 1 guide not for this page.',
      ].join('\n'),
    );
  });

  it('exit 1 for a broken step or a guide file with problems', () => {
    const broken = verdicts();
    const step = broken[0]?.steps[2];
    if (step) step.status = 'broken';
    const base = { url: 'u', finalUrl: 'u', page, notMatching: [], problems: [] };
    expect(buildReport({ ...base, guides: broken }).exitCode).toBe(1);
    const problems = [{ file: 'guides/x.json', path: 'steps[0].advance.on', message: 'oops' }];
    const withProblems = buildReport({ ...base, guides: [], problems });
    expect(withProblems.exitCode).toBe(1);
    expect(withProblems.problems[0]?.text).toBe('guides/x.json steps[0].advance.on: oops');
  });

  it('says when no guide matches, and where the browser was redirected', () => {
    const report = buildReport({
      url: 'https://acme.my.salesforce.com/',
      finalUrl: 'https://login.salesforce.com/',
      page: { crm: 'generic', pageType: 'other', path: '/' },
      guides: [],
      notMatching: [],
      problems: [],
    });
    const text = formatReport(report);
    expect(text).toContain('  redirected from https://acme.my.salesforce.com/');
    expect(text).toContain(
      'No guide matches this page.\nIf that is a sign-in page, pass --user-data-dir',
    );
    expect(report.exitCode).toBe(0);
  });
});

describe('guides:doctor page probe', () => {
  it('bundles the runtime resolver into one classic script', async () => {
    const script = await probeScript();
    expect(script).toMatch(/^var __waymarkDoctor = /m);
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    // eslint-disable-next-line no-control-regex
    expect(script).toMatch(/^[\x00-\x7f]*$/);
  });
});
