// @vitest-environment happy-dom
/**
 * The extension's pages in the organisation's language: an English browser whose policy says
 * `de` gets the popup and the options page's sections in German, with no English word left; a
 * setting that cannot be read leaves the browser's language.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as de from '../../../core/i18n/de';
import * as en from '../../../core/i18n/en';
import { messagesFor } from '../../../core/i18n';
import type { PolicyView, PopupState, OrgGuidePackStatus } from '../../../core/messages';
import {
  applyPageLocale,
  FORMAT_TAG,
  PAGE_LOCALE,
  roleName,
  setPageLanguage,
  settlePageLanguage,
  TEXT,
  withParts,
} from '../../../components/pageText';

const state: PopupState = {
  role: 'rep',
  roleLocked: true,
  roles: [
    { id: 'rep', label: 'Sales rep' },
    { id: 'manager', label: 'Sales manager' },
  ],
  paused: false,
  page: { crm: 'demo', pageType: 'opportunity:record', path: '/opportunities/1' },
  pageGuides: [{ id: 'tour', title: 'Tour' }],
  checklist: [
    { guideId: 'tour', title: 'Tour', status: 'active', stepIndex: 0, stepCount: 3 },
    { guideId: 'log', title: 'Log', status: 'not-started', stepIndex: 0, stepCount: 2 },
  ],
  active: { guideId: 'tour', title: 'Tour' },
  champion: { name: 'Dana', link: 'https://chat.example/c/sales' },
};

const pack: OrgGuidePackStatus = {
  url: 'https://packs.example/new.json',
  from: 'https://packs.example/old.json',
  guides: 2,
  updatedAt: Date.UTC(2026, 4, 4, 9),
  checkedAt: Date.UTC(2026, 4, 5, 9),
  lastAttemptAt: Date.UTC(2026, 4, 5, 9),
  lastError: null,
  permissionNeeded: 'https://packs.example',
};

const policy: PolicyView = {
  values: {
    defaultRole: 'rep',
    roleRules: [{ crm: 'demo', team: 'Sales', role: 'manager' }],
    syncEnabled: true,
    syncIntervalMinutes: 15,
    observeOnly: false,
    controlShare: 10,
    locale: 'de',
    snoozeDays: 2,
    autoLaunchesPerDay: 5,
    dismissCooldownMinutes: 45,
  },
  problems: [],
  readError: null,
  locale: 'de',
};

const answers: Record<string, unknown> = {
  'popup:state': state,
  'policy:get': policy,
  'guides:list': {
    guides: [
      {
        id: 'tour',
        version: 2,
        title: 'Tour',
        source: 'imported',
        roles: ['rep', 'manager'],
        crm: 'demo',
        importedAt: Date.UTC(2026, 4, 4, 9),
        bundledVersion: 1,
        targetMissing: 2,
        targetMissingEarlier: 1,
      },
    ],
    pack,
  },
};

vi.mock('../../../platform/channel', () => ({
  callBackground: vi.fn(async (type: string) => answers[type]),
}));
vi.mock('../../../platform/browser', () => ({
  browser: {
    tabs: { query: async () => [{ id: 7, url: 'https://crm.example/opportunities/1' }] },
    runtime: { openOptionsPage: async () => undefined },
    permissions: { request: async () => false },
  },
}));

/** English strings of an area (and its groups) that German writes differently. */
function englishOnly(area: Record<string, unknown>, german: Record<string, unknown>): string[] {
  return Object.entries(area).flatMap(([key, value]) => {
    if (typeof value === 'object' && value !== null) {
      return englishOnly(value as Record<string, unknown>, german[key] as Record<string, unknown>);
    }
    return typeof value === 'string' && value.trim().length > 4 && value !== german[key]
      ? [value.trim()]
      : [];
  });
}

/** The rendered text, one line per text node, so that words of neighbouring elements stay apart. */
function textOf(root: Node): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const lines: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    lines.push(node.nodeValue ?? '');
  return lines.join('\n');
}

/** No English string of the areas is left as a word of its own in `text` ("Import" in "Importieren" is fine). */
function expectNoEnglish(text: string, ...areas: (keyof typeof en)[]) {
  for (const area of areas) {
    for (const english of englishOnly(en[area], de[area])) {
      const word = new RegExp(`(^|\\W)${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\W|$)`);
      expect(text, `${area}: ${english}`).not.toMatch(word);
    }
  }
}

afterEach(cleanup);

describe('the page language', () => {
  it('is the browser’s until the settings name another', async () => {
    expect(navigator.language).toMatch(/^en\b/);
    expect(PAGE_LOCALE).toBe('en');
    await settlePageLanguage(async () => 'de-AT');
    expect(PAGE_LOCALE).toBe('de');
    expect(FORMAT_TAG).toBe('de-AT');
    expect(TEXT).toBe(messagesFor('de'));
    applyPageLocale(document);
    expect(document.documentElement.lang).toBe('de');
  });

  it('keeps the browser’s regional conventions when the setting names only its language', () => {
    setPageLanguage('en');
    expect(FORMAT_TAG).toBe(navigator.language);
    setPageLanguage('en-GB');
    expect(FORMAT_TAG).toBe('en-GB');
    setPageLanguage('de');
    expect(FORMAT_TAG).toBe('de');
  });

  it('stays as it is when the settings cannot be read', async () => {
    setPageLanguage(null);
    expect(PAGE_LOCALE).toBe('en');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await settlePageLanguage(() => Promise.reject(new Error('no background')));
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(PAGE_LOCALE).toBe('en');
    expect(TEXT).toBe(messagesFor('en'));
  });

  it('names known roles in the page’s language and keeps unknown ones', () => {
    setPageLanguage('de');
    expect(roleName('manager', 'Sales manager')).toBe('Vertriebsleitung');
    expect(roleName('auditor', 'Auditor')).toBe('Auditor');
    expect(roleName('constructor')).toBe('constructor');
  });

  it('puts elements where each language places them', () => {
    expect(withParts('In progress: {title}', { title: 42 })).toEqual(['In progress: ', 42]);
    expect(withParts('{a} and {b}.', { a: 1, b: 2 })).toEqual([1, ' and ', 2, '.']);
  });
});

describe('with the organisation’s German in an English browser', () => {
  it('the popup reads German', async () => {
    setPageLanguage('de');
    const { Popup } = await import('../../../components/popup/Popup');
    const { container } = render(<Popup />);
    const link = await screen.findByRole('link', { name: 'Nicht weiter? Fragen Sie Dana' });
    expect(link.getAttribute('href')).toBe('https://chat.example/c/sales');
    expect(screen.getByLabelText('Ihre Rolle')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Vertrieb' })).toBeTruthy();
    expect(screen.getByText('von Ihrer Organisation festgelegt')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tour starten' })).toBeTruthy();
    await waitFor(() => expect(container.textContent).toContain('Ziel hier 2× nicht gefunden'));
    const text = container.textContent ?? '';
    expect(text).toContain('Läuft: Tour');
    expect(text).toContain('Läuft, Schritt 1 von 3');
    expect(text).toContain('0 von 2 erledigt');
    expectNoEnglish(textOf(container), 'popup', 'roles', 'managed');
  });

  it('the managed policy and the guides read German', async () => {
    setPageLanguage('de');
    const { ManagedPolicy } = await import('../../../components/options/ManagedPolicy');
    const { GuideLibrary } = await import('../../../components/options/GuideLibrary');
    const { container } = render(
      <>
        <ManagedPolicy />
        <GuideLibrary />
      </>,
    );
    await screen.findByRole('heading', { name: 'Von Ihrer Organisation verwaltet' });
    await screen.findByRole('button', { name: 'Tour entfernen' });
    const text = container.textContent ?? '';
    expect(text).toContain('Team „Sales“ in demo → Vertriebsleitung');
    expect(text).toContain('alle 15 Minuten');
    expect(text).toContain('10\u00a0% der Installationen');
    expect(text).toContain('„Später erinnern“ stellt eine Anleitung zurück2 Tage');
    expect(text).toContain('Anleitungen, die sich pro Tag selbst öffnen5');
    expect(text).toContain('Pause, nachdem eine Anleitung geschlossen wurde45 Minuten');
    expect(text).toContain('Anleitungspaket von https://packs.example/old.json – zuletzt');
    expect(text).toContain('(2 Anleitungen)');
    expect(text).toContain('Wird jetzt von https://packs.example/new.json geladen.');
    expect(text).toContain('(+1 in früheren Versionen)');
    expect(text).toContain('Vertrieb, Vertriebsleitung');
    expect(container.querySelector('#import-rules code')?.textContent).toBe('npm run guides:check');
    expectNoEnglish(textOf(container), 'managed', 'library', 'roles');
  });
});
