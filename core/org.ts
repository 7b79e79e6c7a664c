import type { CustomCrm } from './adapters/routes';
import type { FatigueLimits } from './fatigue';
import type { Champion, LauncherCorner, Policy } from './policy';

/** A role people can have, as the organisation names it. */
export interface RoleOption {
  id: string;
  label: string;
}

/** One policy rule: people with this CRM profile or team get this role. */
export type RoleRule = NonNullable<Policy['roleRules']>[number];

/** What an organisation configures about its people: the defaults, or its managed policy. */
export interface OrgConfig {
  roles: RoleOption[];
  defaultRole: string;
  /** CRM profile or team to role, first match wins (policy `roleRules`). */
  roleRules?: readonly RoleRule[];
  /** The rollout cohort of every installation (policy `cohort`); replaces the local cohorts. */
  cohort?: string;
  /** The language of Waymark's own text (policy `locale`); the browser's when absent. */
  locale?: string;
  /** Peers to ask, per role or team (policy `champions`). */
  champions?: readonly Champion[];
  /** Self-hosted or unlisted CRMs and their route templates (policy `customCrms`). */
  customCrms?: readonly CustomCrm[];
  /** The in-page help button (policy `launcher`, `launcherCorner`); off when `shown` is false. */
  launcher?: { shown: boolean; corner: LauncherCorner };
  /** How often guides may launch by themselves, where the policy sets it (core/fatigue.ts). */
  fatigue?: Partial<FatigueLimits>;
}

export const DEFAULT_ORG: OrgConfig = {
  roles: [
    { id: 'rep', label: 'Sales rep' },
    { id: 'manager', label: 'Sales manager' },
    { id: 'service', label: 'Service agent' },
    { id: 'admin', label: 'CRM admin' },
    // Trainers write guides: the popup offers them the authoring mode.
    { id: 'trainer', label: 'Trainer' },
  ],
  defaultRole: 'rep',
};
