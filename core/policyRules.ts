/**
 * How an organisation's managed policy applies, as pure functions that run in Node too: reading
 * what IT pushed key by key, the organisation it describes (roles, default role, role rules,
 * cohort, language), the CRM hosts Waymark may run on, and the role a CRM profile or team maps to.
 */
import type { CrmId } from './adapters';
import type { FatigueLimits } from './fatigue';
import { describeIssues } from './guide/problems';
import { DEFAULT_ORG, type OrgConfig, type RoleOption, type RoleRule } from './org';
import { POLICY_KEYS, policySchema, type Champion, type Policy } from './policy';

/** One policy value Waymark ignores, and why. */
export interface PolicyProblem {
  /** The policy key whose whole value is ignored. */
  key: string;
  /** Where in it the problem is, e.g. `roleRules[2].role`. */
  path: string;
  message: string;
}

export interface ParsedPolicy {
  /** Only the values that passed: each key is checked on its own. */
  policy: Policy;
  problems: PolicyProblem[];
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(POLICY_KEYS);

function joinPath(key: string, path: string): string {
  if (!path) return key;
  return path.startsWith('[') ? `${key}${path}` : `${key}.${path}`;
}

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');

/**
 * Reads a managed policy key by key. A value that does not pass is ignored as a whole, with the
 * reason, and every other value still applies: one typo by IT must not switch off the rest (nor,
 * worse, fall back to defaults that the organisation meant to restrict only partly).
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  if (raw === undefined || raw === null) return { policy: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      policy: {},
      problems: [{ key: '', path: '', message: 'is not a set of named values; it is ignored' }],
    };
  }
  const policy: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (!KNOWN_KEYS.has(key)) {
      problems.push({ key, path: key, message: 'is not a Waymark policy setting' });
      continue;
    }
    const parsed = policySchema.shape[key as keyof Policy].safeParse(value, {
      reportInput: true,
    });
    if (parsed.success) {
      policy[key] = parsed.data;
      continue;
    }
    for (const issue of describeIssues('', parsed.error.issues)) {
      problems.push({ key, path: joinPath(key, issue.path), message: issue.message });
    }
  }
  const result = policy as Policy;
  for (const key of ['endpointUrl', 'guidePackUrl'] as const) {
    const value = result[key];
    if (value === undefined) continue;
    try {
      new URL(value);
    } catch {
      problems.push({ key, path: key, message: `expected a web address — got "${value}"` });
      delete result[key];
    }
  }
  if (result.allowedRoles) {
    const allowed = [...new Set(result.allowedRoles)];
    result.allowedRoles = allowed;
    if (result.defaultRole !== undefined && !allowed.includes(result.defaultRole)) {
      problems.push({
        key: 'defaultRole',
        path: 'defaultRole',
        message: `"${result.defaultRole}" is not one of allowedRoles (${quoted(allowed)})`,
      });
      delete result.defaultRole;
    }
    const outside = (result.roleRules ?? [])
      .map((rule, i) => ({ rule, i }))
      .filter(({ rule }) => !allowed.includes(rule.role));
    if (outside.length > 0) {
      for (const { rule, i } of outside) {
        problems.push({
          key: 'roleRules',
          path: `roleRules[${i}].role`,
          message: `"${rule.role}" is not one of allowedRoles (${quoted(allowed)})`,
        });
      }
      // A first-match list with a rule taken out would map people differently than IT wrote.
      delete result.roleRules;
    }
  }
  return { policy: result, problems };
}

/** "key.path: message", as the options page and logs show a problem. */
export function formatPolicyProblem(problem: PolicyProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : `The policy ${problem.message}`;
}

/**
 * The organisation a policy describes, over the defaults. With `allowedRoles`, people choose
 * among those only; without it, every default role stays and roles the policy names elsewhere
 * (default role, role rules) are added, so that a role IT gives someone can always be shown.
 */
export function orgFromPolicy(policy: Policy, base: OrgConfig = DEFAULT_ORG): OrgConfig {
  const option = (id: string): RoleOption =>
    base.roles.find((r) => r.id === id) ?? { id, label: id };
  let roles: RoleOption[];
  if (policy.allowedRoles) {
    roles = policy.allowedRoles.map(option);
  } else {
    roles = [...base.roles];
    const named = [policy.defaultRole, ...(policy.roleRules ?? []).map((r) => r.role)];
    for (const id of named) {
      if (id !== undefined && !roles.some((r) => r.id === id)) roles.push(option(id));
    }
  }
  const baseDefault = roles.some((r) => r.id === base.defaultRole)
    ? base.defaultRole
    : (roles[0]?.id ?? base.defaultRole);
  const org: OrgConfig = { roles, defaultRole: policy.defaultRole ?? baseDefault };
  if (policy.roleRules && policy.roleRules.length > 0) org.roleRules = policy.roleRules;
  if (policy.cohort !== undefined) org.cohort = policy.cohort;
  if (policy.locale !== undefined) org.locale = policy.locale;
  if (policy.champions && policy.champions.length > 0) org.champions = policy.champions;
  if (policy.customCrms && policy.customCrms.length > 0) org.customCrms = policy.customCrms;
  if (policy.launcher !== undefined || policy.launcherCorner !== undefined) {
    org.launcher = {
      shown: policy.launcher ?? true,
      corner: policy.launcherCorner ?? 'bottom-right',
    };
  }
  const fatigue = fatigueOf(policy);
  if (Object.keys(fatigue).length > 0) org.fatigue = fatigue;
  return org;
}

const FATIGUE_KEYS = [
  'snoozeDays',
  'autoLaunchesPerPageView',
  'autoLaunchesPerDay',
  'dismissCooldownMinutes',
] as const satisfies readonly (keyof FatigueLimits & keyof Policy)[];

/** The fatigue limits the policy sets; the others keep their defaults. */
function fatigueOf(policy: Policy): Partial<FatigueLimits> {
  const limits: Partial<FatigueLimits> = {};
  for (const key of FATIGUE_KEYS) {
    const value = policy[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}

/**
 * The champion for someone of `role` in `team`: the most specific entry wins — role and team,
 * then team, then role, then one for everybody. Teams compare as role rules do.
 */
export function championFor(
  champions: readonly Champion[] | undefined,
  role: string,
  team: string | undefined,
): Champion | undefined {
  if (!champions) return undefined;
  const fits = (c: Champion) =>
    (c.role === undefined || c.role === role) &&
    (c.team === undefined || (team !== undefined && sameName(c.team, team)));
  const specificity = (c: Champion) => (c.team ? 2 : 0) + (c.role ? 1 : 0);
  let best: Champion | undefined;
  for (const c of champions) {
    if (fits(c) && (!best || specificity(c) > specificity(best))) best = c;
  }
  return best;
}

/**
 * Whether Waymark may act on a page: always without `crmHosts`; otherwise only on a listed
 * host, `*.example.com` standing for example.com and every host under it (as in Chrome's
 * host patterns). Ports do not matter.
 */
export function hostAllowed(hosts: readonly string[] | undefined, url: string): boolean {
  if (!hosts) return true;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return hosts.some((entry) => {
    const pattern = entry.toLowerCase();
    if (!pattern.startsWith('*.')) return host === pattern;
    const domain = pattern.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  });
}

/** Who the CRM says the signed-in user is, as far as role rules care: never a name. */
export interface CrmUser {
  crm: CrmId;
  team?: string;
  profile?: string;
}

/** CRMs spell names as their admins typed them; case and outer spaces are not meant to matter. */
function sameName(rule: string | undefined, seen: string | undefined): boolean {
  if (rule === undefined) return true;
  return seen !== undefined && rule.trim().toLowerCase() === seen.trim().toLowerCase();
}

/** The first rule that fits what the CRM showed; undefined when none does. */
export function matchRoleRule(
  rules: readonly RoleRule[] | undefined,
  user: CrmUser | undefined,
): RoleRule | undefined {
  if (!rules || !user) return undefined;
  return rules.find(
    (rule) =>
      (rule.crm === undefined || rule.crm === user.crm) &&
      sameName(rule.profile, user.profile) &&
      sameName(rule.team, user.team),
  );
}
