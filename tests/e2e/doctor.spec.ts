/**
 * `npm run guides:doctor` for real: the command in a child process, its own Chromium with the
 * built extension, against the demo CRM.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { canonicalGuideText } from '../../core/guide/problems';
import type { DoctorReport } from '../../scripts/doctor/report';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function doctor(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/guides-doctor.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The report line of one step, e.g. `✓ step "save" resolved by …`. */
function stepLine(stdout: string, stepId: string): string {
  return stdout.split('\n').find((line) => line.includes(`step "${stepId}"`)) ?? '';
}

/** The demo CRM behind a strict Content-Security-Policy, as Lightning and Dynamics send one. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

function cspProxy(target: string): Promise<Server & { url: string }> {
  const server = createServer((req, res) => {
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          ...answer.headers,
          'content-security-policy': STRICT_CSP,
        });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(Object.assign(server, { url: `http://127.0.0.1:${port}` }));
    });
  });
}

let demo: DemoServer;

test.beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});

test.afterAll(async () => {
  await demo.close();
});

test('the shipped guides resolve on the edit page, including a field in the shadow-DOM form', async () => {
  const run = await doctor(['--url', `${demo.url}/app/opportunities/opp-1001/edit`]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toContain('(demo · opportunity:edit)');
  expect(run.stdout).toContain('demo-update-next-step "Keep the next step up to date"');
  // "Next Step" lives in <wm-input-field>, two shadow roots below the document.
  expect(stepLine(run.stdout, 'next-step')).toBe(
    '  ✓ step "next-step" resolved by label (1 of 1 strategy; 1 candidate; in a shadow root)',
  );
  expect(stepLine(run.stdout, 'save')).toMatch(
    /✓ step "save" resolved by anchor, role, text \(3 of 3 strategies; 1 candidate\)$/,
  );
  expect(stepLine(run.stdout, 'pick')).toContain('on another page (opportunity:list), not checked');
  expect(run.stdout).toMatch(/Summary: 1 guide on this page, 5 steps: 2 resolved, 0 broken/);
});

test('a broken copy of a guide exits 1 and names the broken step', async () => {
  const dir = test.info().outputPath('guides');
  mkdirSync(dir, { recursive: true });
  const guide = JSON.parse(readFileSync('guides/demo-update-next-step.json', 'utf8'));
  for (const step of guide.steps) {
    // A CRM release that re-worded one label and renamed one anchor.
    if (step.id === 'next-step') step.target.label = 'Next Action';
    if (step.id === 'save') step.target.anchor = 'record.saveButton';
  }
  const file = join(dir, 'demo-update-next-step.json');
  writeFileSync(file, canonicalGuideText(guide));

  const run = await doctor([
    '--url',
    `${demo.url}/app/opportunities/opp-1001/edit`,
    '--timeout',
    '1500',
    file,
  ]);
  expect(run.code, run.stdout + run.stderr).toBe(1);
  expect(run.stdout).toContain(`demo-update-next-step "Keep the next step up to date" ${file}`);
  expect(stepLine(run.stdout, 'next-step')).toBe(
    '  ✗ step "next-step" not found after 1.5 s: label 0 matches (0 candidates)',
  );
  // Still found by role and text, but one strategy fewer holds it: a warning, not a failure.
  expect(stepLine(run.stdout, 'save')).toBe(
    '  ⚠ step "save" resolved by role, text (2 of 3 strategies; 1 candidate): anchor matches nothing',
  );
  expect(run.stdout).toContain('1 resolved (1 with warnings), 1 broken');
});

test('a page under a strict Content-Security-Policy is checked all the same', async () => {
  const proxy = await cspProxy(demo.url);
  try {
    const home = await fetch(`${proxy.url}/app/home`);
    expect(home.headers.get('content-security-policy')).toBe(STRICT_CSP);

    const run = await doctor(['--url', `${proxy.url}/app/home`, '--json']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as DoctorReport;
    expect(report.page).toMatchObject({ crm: 'demo', pageType: 'home' });
    const welcome = report.guides.find((g) => g.id === 'demo-welcome');
    expect(welcome?.steps.map((s) => [s.id, s.status])).toEqual([
      ['hello', 'no-target'],
      ['my-deals', 'resolved'],
      ['deals-tab', 'resolved'],
    ]);
    expect(welcome?.steps[1]).toMatchObject({
      candidates: 1,
      strategies: [{ strategy: 'anchor', matches: 1, shown: 1, votedForResolved: true }],
    });
    expect(report.summary).toMatchObject({ broken: 0, problemFiles: 0 });
    expect(report.exitCode).toBe(0);
  } finally {
    proxy.closeAllConnections();
    await new Promise((done) => proxy.close(done));
  }
});

test('without a build it says to run npm run build, exit 2', async () => {
  const run = await doctor(['--url', `${demo.url}/app/home`], {
    WAYMARK_EXTENSION_DIR: test.info().outputPath('no-build'),
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('run `npm run build` first');
  expect(run.stdout).toBe('');
});
