import {
  OTHER,
  anchorAttributeSelector,
  hashRoute,
  isWebUrl,
  looksLikeRecordId,
  pathSegments,
} from './ids';
import type { CrmAdapter } from './types';

/** The demo CRM runs locally on whatever port it was given. */
const HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1']);

const ANCHOR_ATTRIBUTES = ['data-anchor'];

/** Collection path → entity name in page types. */
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['opportunities', 'opportunity'],
  ['accounts', 'account'],
]);

/** Only known reports: the hash is free text, so an unknown route could carry anything. */
const REPORTS: ReadonlySet<string> = new Set(['pipeline', 'activity']);

const FRAME_DOCUMENT = /^([a-z0-9][a-z0-9_-]*)\.html$/i;

/** Reports are the one hash-routed area: `/app/reports#/pipeline`. */
function reportPageType(hash: string): string {
  const [report, ...extra] = pathSegments(hashRoute(hash) ?? '');
  if (report === undefined) return 'report:home';
  return extra.length === 0 && REPORTS.has(report) ? `report:${report}` : OTHER;
}

/** `/app/<collection>[/new | /<id>[/edit]]`; any id position value other than `new` is an id. */
function entityPageType(entity: string, [recordId, action, ...extra]: string[]): string {
  if (extra.length > 0) return OTHER;
  if (recordId === undefined) return `${entity}:list`;
  if (recordId === 'new') return action === undefined ? `${entity}:new` : OTHER;
  if (action === undefined) return `${entity}:record`;
  return action === 'edit' ? `${entity}:edit` : OTHER;
}

function appPageType([section, ...rest]: string[], hash: string): string {
  const entity = section === undefined ? undefined : ENTITIES.get(section);
  if (entity !== undefined) return entityPageType(entity, rest);
  if (rest.length > 0) return OTHER;
  switch (section) {
    case undefined:
    case 'home':
      return 'home';
    case 'reports':
      return reportPageType(hash);
    case 'settings':
      return 'settings';
    default:
      return OTHER;
  }
}

/** Same-origin iframe documents: `/frames/<name>.html`. */
function framePageType([fileName, ...extra]: string[]): string {
  const name = fileName === undefined ? undefined : FRAME_DOCUMENT.exec(fileName)?.[1];
  if (name === undefined || extra.length > 0 || looksLikeRecordId(name)) return OTHER;
  return `frame:${name}`;
}

function pageTypeOf(url: URL): string {
  const [root, ...rest] = pathSegments(url.pathname);
  if (root === 'app') return appPageType(rest, url.hash);
  if (root === 'frames') return framePageType(rest);
  return OTHER;
}

export const demoAdapter: CrmAdapter<'demo'> = {
  id: 'demo',
  hosts: [
    // The demo CRM (npm run demo) on this machine; an endpoint run here is reached through them too.
    'http://127.0.0.1/*',
    'http://localhost/*',
  ],
  matches: (url) => isWebUrl(url) && HOSTS.has(url.hostname),
  pageTypeOf,
  anchorSelector: (anchor) => anchorAttributeSelector(ANCHOR_ATTRIBUTES, anchor),
  anchorAttributes: ANCHOR_ATTRIBUTES,
  saveSelector: '[data-anchor="record.save"]',
  // The header's user chip carries the signed-in user's team and profile.
  userProbe: {
    selector: '[data-user-team], [data-user-profile]',
    team: 'data-user-team',
    profile: 'data-user-profile',
  },
};
