/**
 * Waymark's icon set: one SVG source, PNGs at the sizes the stores and browsers ask for. Shared by
 * the manifest (wxt.config.ts), `npm run icons` and the tests, so the declared sizes, the files
 * and the checks cannot drift apart. No dependencies: the manifest is built from it.
 */

/** The drawing every PNG is rendered from. */
export const ICON_SOURCE = 'assets/icon.svg';

/**
 * 16 and 32: toolbar at 1x and 2x; 48: the extensions page (Chrome) and add-ons manager
 * (Firefox); 96: the add-ons manager at 2x; 128: install dialog and Chrome Web Store.
 */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** The toolbar button's sizes (the action's `default_icon`). */
export const TOOLBAR_ICON_SIZES = [16, 32] as const;

export type IconSize = (typeof ICON_SIZES)[number];

/** Path inside the package (and inside `public/`): WXT's `icon/<size>.png` convention. */
export function iconFile(size: number): string {
  return `icon/${size}.png`;
}

/** `{ "16": "icon/16.png", … }`, as the manifest's `icons` and `default_icon` take it. */
export function iconMap(sizes: readonly number[]): Record<string, string> {
  return Object.fromEntries(sizes.map((size) => [String(size), iconFile(size)]));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Width and height from a PNG's IHDR chunk, which the format requires to come first; null when
 * the bytes are not a PNG.
 */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
