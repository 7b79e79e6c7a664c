/** Self-hosted CRMs: page types from the organisation's route templates, and nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageTypeOf } from '../../../../core/adapters';
import {
  customCrmProblem,
  derivedPageType,
  parseRouteLines,
  routePageType,
  routeProblem,
  type CustomCrm,
} from '../../../../core/adapters/routes';
import { guideMatchesPage } from '../../../../core/match';
import { parsePolicy } from '../../../../core/policyRules';
import { makeGuide } from '../../helpers/guides';

const ACME: CustomCrm = {
  host: 'crm.acme.com',
  routes: [
    { route: '#/contacts/:id/show' },
    { route: '#/contacts' },
    { route: '/app/opportunities/:id', pageType: 'opportunity:record' },
    { route: '/app/opportunities' },
    { route: '/files/*', pageType: 'files' },
    { route: '/', pageType: 'home' },
  ],
};

describe('route templates', () => {
  it.each([
    ['https://crm.acme.com/#/contacts/42/show', 'contacts:show'],
    ['https://crm.acme.com/#/Contacts/ada-lovelace/SHOW?tab=notes', 'contacts:show'],
    ['https://crm.acme.com/index.html#!/contacts', 'contacts'],
    ['https://crm.acme.com/app/opportunities/opp-1001', 'opportunity:record'],
    ['https://crm.acme.com/app/opportunities', 'app:opportunities'],
    ['https://crm.acme.com/app/opportunities/', 'app:opportunities'],
    ['https://crm.acme.com/files/2026/q3/report.pdf', 'files'],
    ['https://crm.acme.com/', 'home'],
    ['https://crm.acme.com/app/opportunities/opp-1001/edit', 'other'],
    ['https://crm.acme.com/people/john-smith', 'other'],
    ['https://crm.acme.com/#/contacts/42', 'other'],
  ])('%s → %s', (url, pageType) => {
    expect(pageTypeOf(url, [ACME])).toEqual({ crm: 'generic', pageType });
  });

  it('only on the hosts named, over https, and never instead of a CRM Waymark knows', () => {
    const wildcard: CustomCrm = { host: '*.acme.com', routes: [{ route: '/deals' }] };
    expect(pageTypeOf('https://eu.acme.com/deals', [wildcard]).pageType).toBe('deals');
    expect(pageTypeOf('https://acme.com/deals', [wildcard]).pageType).toBe('deals');
    expect(pageTypeOf('https://notacme.com/deals', [wildcard]).pageType).toBe('other');
    expect(pageTypeOf('http://crm.acme.com/app/opportunities', [ACME]).pageType).toBe('other');
    const sneaky: CustomCrm = { host: '*.lightning.force.com', routes: [{ route: '/*' }] };
    expect(pageTypeOf('https://acme.lightning.force.com/lightning/page/home', [sneaky])).toEqual({
      crm: 'salesforce',
      pageType: 'home',
    });
  });

  it('derives a page type from the words of a template', () => {
    expect(derivedPageType('#/contacts/:id/show')).toBe('contacts:show');
    expect(derivedPageType('/app#/Deals/:id')).toBe('app:deals');
    expect(derivedPageType('/:tenant/*')).toBe('home');
  });

  it('refuses templates and lists that cannot work, with a sentence', () => {
    expect(routeProblem('contacts/:id')).toBe(
      '"contacts/:id" must start with / (a path) or #/ (a hash route)',
    );
    expect(routeProblem('#contacts')).toBe('"#contacts": the hash route must start with #/');
    expect(routeProblem('/files/*/x')).toBe('"/files/*/x": * may only end a path or a hash route');
    expect(routeProblem('/people/{name}')).toBe(
      '"/people/{name}": "{name}" is neither a word (letters, digits, - _ . ~) nor a :name',
    );
    expect(
      customCrmProblem({ host: 'crm.acme.com', routes: [{ route: '/a/:x' }, { route: '/a' }] }),
    ).toBe('"/a/:x" and "/a" both give the page type "a": name one with pageType');
    expect(customCrmProblem({ host: 'https://crm.acme.com', routes: [] })).toBe(
      '"https://crm.acme.com" is not a host name such as crm.acme.com or *.acme.com',
    );
    expect(
      customCrmProblem({ host: 'crm.acme.com', routes: [{ route: '/a', pageType: 'a b' }] }),
    ).toBe('"a b" is not a page type: letters, digits and _ : . - only, at most 200');
  });

  it('the policy applies a good list and ignores a wrong one whole, with its reason', () => {
    expect(parsePolicy({ customCrms: [ACME] }).policy.customCrms).toEqual([ACME]);
    const { policy, problems } = parsePolicy({
      customCrms: [ACME, { host: 'CRM.acme.com', routes: [] }],
    });
    expect(policy.customCrms).toBeUndefined();
    expect(problems.map((p) => p.message)).toEqual(['CRM.acme.com is named twice']);
  });

  it('reads the lines a trainer types', () => {
    expect(parseRouteLines('#/contacts/:id/show\n\n /app/deals/:id = deal:record \n')).toEqual({
      routes: [
        { route: '#/contacts/:id/show' },
        { route: '/app/deals/:id', pageType: 'deal:record' },
      ],
    });
    expect(parseRouteLines('/ok\ndeals')).toEqual({
      line: 2,
      problem: '"deals" must start with / (a path) or #/ (a hash route)',
    });
  });
});

/** What a name, an e-mail, a record id or free text in a URL segment can look like. */
const segmentValue = fc.oneof(
  fc.stringMatching(/^[A-Za-z][a-z]{1,12}(-[A-Z]?[a-z]{1,12}){0,2}$/),
  fc.emailAddress(),
  fc.uuid(),
  fc.stringMatching(/^[0-9a-zA-Z]{15,18}$/),
  fc.string({ minLength: 1, maxLength: 30 }),
);

describe('no name or id reaches a page type (property)', () => {
  const templates = ACME.routes.map((r) => r.pageType ?? derivedPageType(r.route));
  const allowed = new Set([...templates, 'other']);

  it('whatever a URL of the CRM holds, its page type is one the organisation wrote', () => {
    fc.assert(
      fc.property(
        fc.array(segmentValue, { minLength: 0, maxLength: 5 }),
        fc.array(segmentValue, { minLength: 0, maxLength: 4 }),
        fc.boolean(),
        fc.string({ maxLength: 20 }),
        (path, hash, bang, query) => {
          const encode = (parts: string[]) => parts.map(encodeURIComponent).join('/');
          const url =
            `https://crm.acme.com/${encode(path)}?q=${encodeURIComponent(query)}` +
            (hash.length > 0 ? `#${bang ? '!' : ''}/${encode(hash)}` : '');
          const { pageType } = pageTypeOf(url, [ACME]);
          expect(allowed.has(pageType)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a value in a template slot never shows through', () => {
    fc.assert(
      fc.property(segmentValue, (value) => {
        const url = `https://crm.acme.com/#/contacts/${encodeURIComponent(value)}/show`;
        expect(routePageType(new URL(url), ACME.routes)).toBe('contacts:show');
      }),
    );
  });
});

describe('match.url', () => {
  const page = {
    crm: 'generic' as const,
    pageType: 'contacts:show',
    path: '/#/contacts/42/show',
    origin: 'https://crm.acme.com',
  };
  const guide = (url: string) => makeGuide({ crm: 'generic', match: { url } });

  it('a pattern starting with a scheme is matched against the whole address', () => {
    expect(guideMatchesPage(guide('https://crm.acme.com/*'), page)).toBe(true);
    expect(guideMatchesPage(guide('https://crm.other.com/*'), page)).toBe(false);
  });

  it('any other pattern against the path and hash route', () => {
    expect(guideMatchesPage(guide('/#/contacts/*'), page)).toBe(true);
    expect(guideMatchesPage(guide('crm.acme.com/*'), page)).toBe(false);
  });
});
