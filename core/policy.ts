/**
 * What an organisation decides centrally for every installation: pushed by IT through browser
 * policy (Chrome's `3rdparty` extension policy, Firefox's `policies.json`), read from
 * `storage.managed`. A value set here wins over the user's own setting, and the extension shows it
 * as set by the organisation. One zod schema is the source: the managed-storage schema in the
 * manifest (`public/managed_schema.json`) is generated from it.
 */
import { z } from 'zod';
import { customCrmProblem, type CustomCrm } from './adapters/routes';
import { CRM_IDS } from './adapters';
import { endpointProblem } from './endpointAddress';
import { localeTag, slug } from './guide/schema';

/** Where the in-page help button sits; it moves up, never sideways, out of the CRM's way. */
export const LAUNCHER_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type LauncherCorner = (typeof LAUNCHER_CORNERS)[number];

const httpUrl = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^\s]+$/, 'an http(s) address');

/** A champion's contact: a chat channel, an intranet page or an e-mail address. */
const contactLink = z
  .string()
  .max(2048)
  .regex(/^(https:\/\/|mailto:)[^\s]+$/, 'an https: or mailto: link');

export const roleRuleSchema = z
  .object({
    crm: z.enum(CRM_IDS).optional().describe('Only on this CRM (default: any).'),
    profile: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('The CRM user profile, as the CRM names it.'),
    team: z.string().min(1).max(200).optional().describe('The CRM team or business unit.'),
    role: slug.describe('The Waymark role for people with this profile or team.'),
  })
  .strict()
  .refine((r) => r.profile !== undefined || r.team !== undefined, 'a rule needs profile or team');

export const championSchema = z
  .object({
    role: slug.optional().describe('For people of this role (default: every role).'),
    team: z.string().min(1).max(200).optional().describe('For people of this team.'),
    name: z.string().trim().min(1).max(120).describe('Who to ask, e.g. "Dana (Sales Ops)".'),
    link: contactLink.describe('How to reach them: https: (chat channel, page) or mailto:.'),
  })
  .strict();
export type Champion = z.infer<typeof championSchema>;

const routeTemplateSchema = z
  .object({
    route: z
      .string()
      .min(1)
      .max(300)
      .describe('A route template: /contacts/:id/show, #/contacts/:id/show or /app#/deals.'),
    pageType: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Its page type (default: the template\u2019s words joined by colons).'),
  })
  .strict();

/** A CRM Waymark has no adapter for: its host, and its pages as route templates. */
export const customCrmSchema = z
  .object({
    host: z
      .string()
      .min(1)
      .max(255)
      .describe('crm.acme.com, or *.acme.com for every host under it.'),
    routes: z
      .array(routeTemplateSchema)
      .max(200)
      .describe('Its pages; a URL no template fits has the page type "other".'),
  })
  .strict()
  .superRefine((crm, ctx) => {
    const problem = customCrmProblem(crm as CustomCrm);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const customCrmsSchema = z
  .array(customCrmSchema)
  .max(50)
  .superRefine((crms, ctx) => {
    const hosts = new Set<string>();
    for (const { host } of crms) {
      const key = host.toLowerCase();
      if (hosts.has(key)) ctx.addIssue({ code: 'custom', message: `${host} is named twice` });
      hosts.add(key);
    }
  });

export const policySchema = z
  .object({
    endpointUrl: httpUrl
      .refine((url) => endpointProblem(url) === null, {
        error: (issue) => endpointProblem(String(issue.input)) ?? 'not an endpoint address',
      })
      .optional()
      .describe('The sync endpoint the organisation runs.'),
    ingestToken: z.string().min(1).max(512).optional().describe('Write-only ingest token.'),
    guidePackUrl: httpUrl
      .optional()
      .describe('Where the guide pack is fetched from (default: the endpoint\u2019s /v1/guides).'),
    defaultRole: slug.optional().describe('The role of people no rule maps.'),
    allowedRoles: z.array(slug).min(1).max(50).optional().describe('Roles people may choose.'),
    roleRules: z
      .array(roleRuleSchema)
      .max(200)
      .optional()
      .describe('CRM profile or team to role, first match wins, where the CRM shows them.'),
    cohort: slug.optional().describe('The rollout cohort of these installations.'),
    syncEnabled: z.boolean().optional().describe('Sync on or off.'),
    syncIntervalMinutes: z
      .number()
      .int()
      .min(5)
      .max(1440)
      .optional()
      .describe('Minutes between deliveries.'),
    locale: localeTag
      .optional()
      .describe('Language of Waymark\u2019s own text (default: the browser\u2019s).'),
    crmHosts: z
      .array(
        z
          .string()
          .min(1)
          .max(255)
          .regex(
            /^(\*\.)?[a-z0-9.-]+$/i,
            'a host such as acme.my.salesforce.com or *.crm.dynamics.com',
          ),
      )
      .max(100)
      .optional()
      .describe('The only CRM hosts Waymark runs on (default: every CRM it knows).'),
    customCrms: customCrmsSchema
      .optional()
      .describe(
        'Self-hosted or unlisted CRMs (https): Waymark asks for access to each host and runs there.',
      ),
    observeOnly: z
      .boolean()
      .optional()
      .describe('Measure only, show no guidance at all (a baseline before the roll-out).'),
    observeOnlyCohorts: z
      .array(slug)
      .max(50)
      .optional()
      .describe('Rollout cohorts that measure only, while the others are guided.'),
    controlShare: z
      .number()
      // Whole percents: Chrome's managed schema allows minimum and maximum on integers only.
      .int()
      .min(0)
      // 100 holds every installation back (a team-wide pause that still measures).
      .max(100)
      .optional()
      .describe('Percent of installations held back as a control group (assigned once, locally).'),
    champions: z
      .array(championSchema)
      .max(200)
      .optional()
      .describe('Who to ask, per role or team.'),
    launcher: z
      .boolean()
      .optional()
      .describe('The in-page help button on CRM pages where the role has guides (default: on).'),
    launcherCorner: z
      .enum(LAUNCHER_CORNERS)
      .optional()
      .describe('The corner of the page the help button sits in (default: bottom-right).'),
    // Fatigue control of guides that launch by themselves (core/fatigue.ts has the defaults).
    snoozeDays: z
      .number()
      .int()
      .min(1)
      .max(90)
      .optional()
      .describe('Days "Remind me later" holds a guide back (default 1).'),
    autoLaunchesPerPageView: z
      .number()
      .int()
      // 0: no guide launches by itself; they are still offered in the popup.
      .min(0)
      .max(10)
      .optional()
      .describe('Guides that may launch by themselves per page view (default 1).'),
    autoLaunchesPerDay: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe('Guides that may launch by themselves per day, across tabs (default 3).'),
    dismissCooldownMinutes: z
      .number()
      .int()
      .min(0)
      .max(10080)
      .optional()
      .describe(
        'Minutes no guide launches by itself after one was closed or snoozed (default 30).',
      ),
  })
  .strict();
export type Policy = z.infer<typeof policySchema>;

/** Policy keys, in the order the options page lists them. */
export const POLICY_KEYS = Object.keys(policySchema.shape) as (keyof Policy)[];

/** Keywords Chrome's managed-storage schema understands; everything else is left out. */
const CHROME_KEYWORDS = new Set([
  'type',
  'description',
  'properties',
  'items',
  'enum',
  'minimum',
  'maximum',
  'pattern',
  'required',
]);

function chromeSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(chromeSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!CHROME_KEYWORDS.has(key)) continue;
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, chromeSchema(v)]))
        : chromeSchema(value);
  }
  return out;
}

/** `public/managed_schema.json`, as the manifest's `storage.managed_schema` names it. */
export function managedSchemaText(): string {
  const schema = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(chromeSchema(schema), null, 2)}\n`;
}
