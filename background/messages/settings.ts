/** The rep's settings, the organisation's policy as it applies, and its self-hosted CRMs. */
import { z } from 'zod';
import type { CustomCrm } from '../../core/adapters/routes';
import type { CustomCrmView, EffectiveSettings, PolicyView } from '../../core/messages';
import { readSettings, writeSettings } from '../settings';
import { message, type HandlersOf } from './declare';
import { id, nothing } from './schemas';
import type { Services } from '../services';

export const settingsMessages = {
  'settings:update': message(
    'extension',
    z.object({ role: id.optional(), paused: z.boolean().optional() }),
    { fresh: true },
  ).answers<{ role: string; paused: boolean }>(),
  'settings:get': message('extension', nothing, { fresh: true }).answers<EffectiveSettings>(),
  /** The managed policy that applies, for the options page. */
  'policy:get': message('extension', nothing, { fresh: true }).answers<PolicyView>(),
  /** The organisation's own CRMs (policy and options page), and whether each may be run on. */
  'crms:get': message('extension', nothing, { fresh: true }).answers<CustomCrmView[]>(),
  /**
   * A trainer's list of self-hosted CRMs, replacing the last one; refused whole when wrong.
   * Bounded here; the CRMs themselves are checked as the policy's are, with sentences.
   */
  'crms:save': message(
    'extension',
    z
      .object({ crms: z.array(z.unknown()).max(50) as z.ZodType<CustomCrm[]> })
      .strict()
      .refine((d) => JSON.stringify(d.crms).length <= 100_000, 'the list is too large'),
    { fresh: true },
  ).answers<{ ok: true } | { ok: false; problem: string }>(),
};

export function settingsHandlers(s: Services): HandlersOf<typeof settingsMessages> {
  const { db, org } = s;
  return {
    'settings:update': async (change) => {
      if (change.role !== undefined) s.authoring.endPreview();
      await writeSettings(db, change, org());
      void s.refreshAllTabs();
      const { role, paused } = await readSettings(db, org());
      return { role, paused };
    },
    'settings:get': async () => {
      const { role, roleLocked, paused, locale } = await readSettings(db, org());
      return {
        role,
        roleLocked,
        paused,
        locale: locale ?? navigator.language,
        localeSetBy: locale ? 'policy' : 'browser',
      };
    },
    'policy:get': () => s.policy.view(),
    'crms:get': () => s.customCrms.view(),
    'crms:save': async ({ crms }) => {
      const result = await s.customCrms.save(crms);
      if (result.ok) void s.refreshAllTabs();
      return result;
    },
  };
}
