import type { RoleOption } from './messages';

/** What an organisation configures about its people; later filled from policy or the endpoint. */
export interface OrgConfig {
  roles: RoleOption[];
  defaultRole: string;
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
