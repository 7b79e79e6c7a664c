/**
 * Self-hosted and unlisted CRMs (Odoo, SuiteCRM, EspoCRM, Twenty, an in-house app): the
 * organisation names their hosts and the routes of their pages as templates, and page types come
 * from those templates alone. A URL's own segments never reach a page type, so no name or record
 * id can; a URL no template fits is `other`.
 *
 * A template is a path (`/contacts/:id/show`, for pages without a hash route), a hash route
 * (`#/contacts/:id/show`, whatever the path), or both (`/app#/contacts/:id`). A segment is literal (compared case-blind), `:name` (any one segment)
 * or, last, `*` (any rest). The page type is the one given, or the literal segments joined by
 * `:` (`#/contacts/:id/show` → `contacts:show`).
 */
import { OTHER, hashRoute, isHostOrSubdomain, pathSegments } from './ids';
import { PAGE_TYPE } from './types';

export interface RouteTemplate {
  /** The template, e.g. `#/contacts/:id/show`. */
  route: string;
  /** The page type it gives; default: its literal segments joined by `:`. */
  pageType?: string;
}

export interface CustomCrm {
  /** `crm.acme.com`, or `*.acme.com` for every host under acme.com. */
  host: string;
  routes: readonly RouteTemplate[];
}

const LITERAL = /^[A-Za-z0-9_.~-]+$/;
const PARAM = /^:[A-Za-z_][A-Za-z0-9_]*$/;
/** What a page type may hold: the same characters the endpoint accepts (core/signals.ts). */
export const HOST_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$/i;

interface Parsed {
  /** Undefined: any path. */
  path?: string[];
  /** Undefined: any hash (the template names none). */
  hash?: string[];
}

function parseTemplate(route: string): Parsed {
  const hashAt = route.indexOf('#');
  const pathPart = hashAt === -1 ? route : route.slice(0, hashAt);
  const hashPart = hashAt === -1 ? undefined : route.slice(hashAt + 1);
  return {
    ...(pathPart === '' ? {} : { path: pathSegments(pathPart) }),
    ...(hashPart === undefined ? {} : { hash: pathSegments(hashPart.replace(/^!/, '')) }),
  };
}

/** Why a template cannot be used, as a sentence; null when it can. */
export function routeProblem(route: string): string | null {
  const hashAt = route.indexOf('#');
  const pathPart = hashAt === -1 ? route : route.slice(0, hashAt);
  const hashPart = hashAt === -1 ? undefined : route.slice(hashAt + 1).replace(/^!/, '');
  if (pathPart !== '' && !pathPart.startsWith('/')) {
    return `"${route}" must start with / (a path) or #/ (a hash route)`;
  }
  if (hashPart !== undefined && !hashPart.startsWith('/')) {
    return `"${route}": the hash route must start with #/`;
  }
  const parsed = parseTemplate(route);
  const segments = [...(parsed.path ?? []), ...(parsed.hash ?? [])];
  for (const part of [parsed.path ?? [], parsed.hash ?? []]) {
    const star = part.indexOf('*');
    if (star !== -1 && star !== part.length - 1) {
      return `"${route}": * may only end a path or a hash route`;
    }
  }
  const bad = segments.find((s) => s !== '*' && !LITERAL.test(s) && !PARAM.test(s));
  if (bad !== undefined) {
    return `"${route}": "${bad}" is neither a word (letters, digits, - _ . ~) nor a :name`;
  }
  return null;
}

/** The page type a template gives when it names none: its literal segments, joined by `:`. */
export function derivedPageType(route: string): string {
  const { path = [], hash = [] } = parseTemplate(route);
  const words = [...path, ...hash].filter((s) => LITERAL.test(s)).map((s) => s.toLowerCase());
  return words.length === 0 ? 'home' : words.join(':');
}

export function pageTypeOfTemplate(template: RouteTemplate): string {
  return template.pageType ?? derivedPageType(template.route);
}

/** Why a CRM's routes cannot be used together (two templates, one page type for different pages). */
export function customCrmProblem(crm: CustomCrm): string | null {
  if (!HOST_PATTERN.test(crm.host)) {
    return `"${crm.host}" is not a host name such as crm.acme.com or *.acme.com`;
  }
  const seen = new Map<string, string>();
  for (const template of crm.routes) {
    const problem = routeProblem(template.route);
    if (problem) return problem;
    const pageType = pageTypeOfTemplate(template);
    if (!PAGE_TYPE.test(pageType)) {
      return `"${pageType}" is not a page type: letters, digits and _ : . - only, at most 200`;
    }
    const other = seen.get(pageType);
    if (other !== undefined) {
      return `"${other}" and "${template.route}" both give the page type "${pageType}": name one with pageType`;
    }
    seen.set(pageType, template.route);
  }
  return null;
}

function fits(template: readonly string[], segments: readonly string[]): boolean {
  for (let i = 0; i < template.length; i++) {
    const part = template[i] as string;
    if (part === '*') return true;
    const segment = segments[i];
    if (segment === undefined) return false;
    if (part.startsWith(':')) continue;
    if (part.toLowerCase() !== segment.toLowerCase()) return false;
  }
  return template.length === segments.length;
}

/** The page type of a URL of this CRM: the first template that fits it, else `other`. */
export function routePageType(url: URL, routes: readonly RouteTemplate[]): string {
  const path = pathSegments(url.pathname);
  const hash = pathSegments(hashRoute(url.hash) ?? '');
  for (const template of routes) {
    const parsed = parseTemplate(template.route);
    if (parsed.path !== undefined && !fits(parsed.path, path)) continue;
    // A path alone names a page without a hash route: `/` is not every page of a hash-routed app.
    if (parsed.hash === undefined ? hash.length > 0 : !fits(parsed.hash, hash)) continue;
    return pageTypeOfTemplate(template);
  }
  return OTHER;
}

/** Whether a host matches `crm.acme.com` or `*.acme.com` (acme.com and every host under it). */
export function hostMatches(pattern: string, hostname: string): boolean {
  const wanted = pattern.toLowerCase();
  const host = hostname.toLowerCase();
  return wanted.startsWith('*.') ? isHostOrSubdomain(host, wanted.slice(2)) : host === wanted;
}

/** The organisation's CRM at this https address, if it named one. */
export function customCrmFor(url: URL, crms: readonly CustomCrm[]): CustomCrm | undefined {
  if (url.protocol !== 'https:') return undefined;
  return crms.find((crm) => hostMatches(crm.host, url.hostname));
}

/** The match pattern the browser is asked for, and the content script registered on. */
export function originPattern(host: string): string {
  return `https://${host.toLowerCase()}/*`;
}

/**
 * Route templates as a trainer types them, one per line: `template` or `template = pageType`.
 * Blank lines are skipped; the first wrong line is named with its number.
 */
export function parseRouteLines(
  text: string,
): { routes: RouteTemplate[] } | { line: number; problem: string } {
  const routes: RouteTemplate[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const eq = line.indexOf('=');
    const route = (eq === -1 ? line : line.slice(0, eq)).trim();
    const pageType = eq === -1 ? undefined : line.slice(eq + 1).trim();
    const problem =
      routeProblem(route) ??
      (pageType !== undefined && !PAGE_TYPE.test(pageType)
        ? `"${pageType}" is not a page type: letters, digits and _ : . - only, at most 200`
        : null);
    if (problem) return { line: index + 1, problem };
    routes.push(pageType === undefined ? { route } : { route, pageType });
  }
  return { routes };
}
