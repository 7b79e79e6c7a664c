import { DEFAULT_ORG, type OrgConfig } from '../core/org';
import type { WaymarkDb } from './db';

export interface UserSettings {
  role: string;
  paused: boolean;
  cohorts: string[];
  /** Random, created once; keeps rollout slots stable. Never leaves the browser. */
  seed: string;
}

export async function readSettings(
  db: WaymarkDb,
  org: OrgConfig = DEFAULT_ORG,
): Promise<UserSettings> {
  const rows = await db.settings.bulkGet(['role', 'paused', 'cohorts', 'seed']);
  const [role, paused, cohorts, seed] = rows.map((row) => row?.value);
  const settings: UserSettings = {
    role: typeof role === 'string' && org.roles.some((r) => r.id === role) ? role : org.defaultRole,
    paused: paused === true,
    cohorts: Array.isArray(cohorts)
      ? cohorts.filter((c): c is string => typeof c === 'string')
      : [],
    seed: typeof seed === 'string' ? seed : crypto.randomUUID(),
  };
  if (seed === undefined) await db.settings.put({ key: 'seed', value: settings.seed });
  return settings;
}

export async function writeSettings(
  db: WaymarkDb,
  change: Partial<Pick<UserSettings, 'role' | 'paused'>>,
  org: OrgConfig = DEFAULT_ORG,
): Promise<void> {
  if (change.role !== undefined && !org.roles.some((r) => r.id === change.role)) {
    throw new Error(`Unknown role "${change.role}"`);
  }
  await db.settings.bulkPut(
    Object.entries(change)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => ({ key, value })),
  );
}
