/**
 * npm run icons — renders assets/icon.svg into public/icon/<size>.png at every size the manifest
 * declares. The PNGs are committed: the stores and an unpacked build need them as files.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ICON_SIZES, ICON_SOURCE, iconFile } from './icons-manifest';

/** The SVG rendered at `size` × `size` pixels, as PNG bytes. */
export function renderIcon(svg: string, size: number): Buffer {
  // No fonts are loaded: the drawing has no text, and rendering stays the same on every machine.
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  });
  return resvg.render().asPng();
}

export function writeIcons(root = '.'): string[] {
  const svg = readFileSync(join(root, ICON_SOURCE), 'utf8');
  return ICON_SIZES.map((size) => {
    const file = join(root, 'public', iconFile(size));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, renderIcon(svg, size));
    return file;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of writeIcons()) console.log(`${file} written`);
}
