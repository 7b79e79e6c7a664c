/**
 * The user's settings as they apply: what the user chose, under what the organisation decided
 * (its managed policy, through `OrgConfig`). Precedence for the role:
 * 1. a policy role rule that fits the team or profile the CRM page showed (locked);
 * 2. the only role the policy allows, when it allows one (locked);
 * 3. the role the user chose, while it is one of the allowed roles;
 * 4. the policy's default role, else Waymark's.
 * A policy cohort replaces the local cohorts; a policy locale is Waymark's language.
 */
import { matchRoleRule, type CrmUser } from '../core/policyRules';
import { CRM_IDS } from '../core/adapters';
import { DEFAULT_ORG, type OrgConfig } from '../core/org';
import { newControlDraw } from '../core/cohort';
import type { WaymarkDb } from './db';

/** Where the role came from; `rule` and `only` are set by the organisation and locked. */
export type RoleSource = 'chosen' | 'default' | 'rule' | 'only';

export interface UserSettings {
  role: string;
  roleSource: RoleSource;
  /** The organisation decides the role: the user cannot change it. */
  roleLocked: boolean;
  paused: boolean;
  cohorts: string[];
  /** Random, created once; keeps rollout slots stable. Never leaves the browser. */
  seed: string;
  /**
   * Random in [0, 100), drawn once: the control-group assignment (see core/cohort.ts). Never
   * leaves the browser.
   */
  controlDraw: number;
  /** Waymark's language as the organisation set it; null means the browser's. */
  locale: string | null;
  /** The team the CRM showed for the signed-in user (only kept while role rules need it). */
  team: string | null;
}

/** The team and profile the CRM showed last, kept only while the policy has role rules. */
export const CRM_USER_KEY = 'crm.user';

function crmUserOf(value: unknown): CrmUser | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { crm, team, profile } = value as Record<string, unknown>;
  if (!CRM_IDS.includes(crm as CrmUser['crm'])) return undefined;
  return {
    crm: crm as CrmUser['crm'],
    ...(typeof team === 'string' ? { team } : {}),
    ...(typeof profile === 'string' ? { profile } : {}),
  };
}

export async function readSettings(
  db: WaymarkDb,
  org: OrgConfig = DEFAULT_ORG,
): Promise<UserSettings> {
  const rows = await db.settings.bulkGet([
    'role',
    'paused',
    'cohorts',
    'seed',
    CRM_USER_KEY,
    'controlDraw',
  ]);
  const [role, paused, cohorts, seed, crmUser, controlDraw] = rows.map((row) => row?.value);
  const rule = matchRoleRule(org.roleRules, crmUserOf(crmUser));
  const allowed = (id: unknown) => typeof id === 'string' && org.roles.some((r) => r.id === id);
  let chosen: Pick<UserSettings, 'role' | 'roleSource'>;
  if (rule) chosen = { role: rule.role, roleSource: 'rule' };
  else if (org.roles.length === 1 && org.roles[0]) {
    chosen = { role: org.roles[0].id, roleSource: 'only' };
  } else if (allowed(role)) chosen = { role: role as string, roleSource: 'chosen' };
  else chosen = { role: org.defaultRole, roleSource: 'default' };
  const settings: UserSettings = {
    ...chosen,
    roleLocked: chosen.roleSource === 'rule' || chosen.roleSource === 'only',
    paused: paused === true,
    cohorts:
      org.cohort !== undefined
        ? [org.cohort]
        : Array.isArray(cohorts)
          ? cohorts.filter((c): c is string => typeof c === 'string')
          : [],
    seed: isSeed(seed) ? seed : await drawnOnce(db, 'seed', isSeed, () => crypto.randomUUID()),
    controlDraw: isDraw(controlDraw)
      ? controlDraw
      : await drawnOnce(db, 'controlDraw', isDraw, newControlDraw),
    locale: org.locale ?? null,
    team: crmUserOf(crmUser)?.team ?? null,
  };
  return settings;
}

/**
 * A value drawn once per installation. Several first readers at once (frames of one page, the
 * event log) may each draw: the first one stored is the one every reader gets.
 */
async function drawnOnce<T>(
  db: WaymarkDb,
  key: string,
  valid: (value: unknown) => value is T,
  draw: () => T,
): Promise<T> {
  const value = draw();
  try {
    await db.settings.add({ key, value });
    return value;
  } catch (error) {
    if ((error as Error).name !== 'ConstraintError') throw error;
  }
  const stored: unknown = (await db.settings.get(key))?.value;
  if (valid(stored)) return stored;
  // What was kept is not a draw (a damaged row): this one replaces it.
  await db.settings.put({ key, value });
  return value;
}

const isSeed = (value: unknown): value is string => typeof value === 'string';
const isDraw = (value: unknown): value is number =>
  typeof value === 'number' && value >= 0 && value < 100;

export async function writeSettings(
  db: WaymarkDb,
  change: Partial<Pick<UserSettings, 'role' | 'paused'>>,
  org: OrgConfig = DEFAULT_ORG,
): Promise<void> {
  if (change.role !== undefined) {
    const current = await readSettings(db, org);
    if (current.roleLocked && change.role !== current.role) {
      const label = org.roles.find((r) => r.id === current.role)?.label ?? current.role;
      throw new Error(
        `Your role is set by your organization (${label}); it cannot be changed here.`,
      );
    }
    if (!org.roles.some((r) => r.id === change.role)) {
      throw new Error(
        `Unknown role "${change.role}": choose one of ${org.roles.map((r) => r.label).join(', ')}`,
      );
    }
  }
  await db.settings.bulkPut(
    Object.entries(change)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => ({ key, value })),
  );
}

/**
 * Keeps what the CRM showed about the signed-in user (team, profile) for role rules. Returns
 * whether it changed. Nothing is kept without role rules: there is no use for it then.
 */
export async function recordCrmUser(db: WaymarkDb, user: CrmUser | null): Promise<boolean> {
  const before = crmUserOf((await db.settings.get(CRM_USER_KEY))?.value);
  if (!user) {
    if (!before) return false;
    await db.settings.delete(CRM_USER_KEY);
    return true;
  }
  if (
    before &&
    before.crm === user.crm &&
    before.team === user.team &&
    before.profile === user.profile
  ) {
    return false;
  }
  await db.settings.put({ key: CRM_USER_KEY, value: user });
  return true;
}
