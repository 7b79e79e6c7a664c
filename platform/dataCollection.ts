/**
 * Firefox asks a person's consent to what an add-on sends, by category, and the Firefox build
 * declares what sync sends as optional categories (see wxt.config.ts). Turning sync on asks for
 * them together with the endpoint's origin, in one prompt; a browser without the consent system
 * (Chrome) declares none and is asked for the origin only.
 */
import type { Permissions } from 'webextension-polyfill';
import { reachPattern } from '../core/endpointAddress';
import { browser } from './browser';

interface GeckoSettings {
  browser_specific_settings?: {
    gecko?: { data_collection_permissions?: { optional?: string[] } };
  };
}

/** The categories this build declares as optional: what sync sends. */
export function syncDataCategories(): string[] {
  const manifest = browser.runtime.getManifest() as GeckoSettings;
  return manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional ?? [];
}

/** What sending usage counters to `origin` needs: reaching it, and consent where asked for. */
export function sendPermissions(origin: string | null): Permissions.Permissions {
  const categories = syncDataCategories();
  return {
    origins: origin ? [reachPattern(origin)] : [],
    // Firefox 140+ only; the polyfill's types predate it.
    ...(categories.length > 0 ? ({ data_collection: categories } as object) : {}),
  };
}

/** Whether the person consented to what sync sends (always, where nothing is asked). */
export async function syncConsented(): Promise<boolean> {
  const categories = syncDataCategories();
  if (categories.length === 0) return true;
  try {
    return await browser.permissions.contains(sendPermissions(null) as Permissions.AnyPermissions);
  } catch {
    // Unable to tell: nothing leaves without a yes.
    return false;
  }
}
