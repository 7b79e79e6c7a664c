/** The organisation's policy: its schema, and the managed-storage schema generated from it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedSchemaText, policySchema } from '../../../core/policy';

describe('policy', () => {
  it('ships the managed-storage schema generated from the zod schema (npm run policy:schema)', () => {
    expect(readFileSync('public/managed_schema.json', 'utf8')).toBe(managedSchemaText());
  });

  it('accepts a full policy and refuses wrong values with the path', () => {
    expect(
      policySchema.safeParse({
        endpointUrl: 'https://waymark.acme.example',
        ingestToken: 'tok',
        defaultRole: 'rep',
        allowedRoles: ['rep', 'manager'],
        roleRules: [{ crm: 'salesforce', profile: 'Sales User', role: 'rep' }],
        cohort: 'wave-1',
        syncEnabled: true,
        syncIntervalMinutes: 15,
        locale: 'de',
        crmHosts: ['acme.my.salesforce.com', '*.crm4.dynamics.com'],
        champions: [{ role: 'rep', name: 'Dana', link: 'https://chat.acme.example/c/sales' }],
      }).success,
    ).toBe(true);
    const wrong = policySchema.safeParse({
      champions: [{ name: 'Dana', link: 'javascript:alert(1)' }],
      roleRules: [{ role: 'rep' }],
    });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'champions.0.link',
      'roleRules.0',
    ]);
  });
});
