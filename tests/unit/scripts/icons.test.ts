import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ICON_SIZES,
  ICON_SOURCE,
  TOOLBAR_ICON_SIZES,
  iconFile,
  iconMap,
  pngSize,
} from '../../../scripts/icons-manifest';
import { renderIcon } from '../../../scripts/icons';

const committed = (size: number) => readFileSync(`public/${iconFile(size)}`);

describe('icons', () => {
  it.each(ICON_SIZES)('public/icon/%i.png is a PNG of that size', (size) => {
    expect(pngSize(committed(size))).toEqual({ width: size, height: size });
  });

  it.each(ICON_SIZES)('public/icon/%i.png is rendered from the SVG (npm run icons)', (size) => {
    const svg = readFileSync(ICON_SOURCE, 'utf8');
    expect(renderIcon(svg, size).equals(committed(size))).toBe(true);
  });

  it('declares every size the stores ask for, and the toolbar sizes among them', () => {
    expect(ICON_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 128]));
    expect(ICON_SIZES).toEqual(expect.arrayContaining([...TOOLBAR_ICON_SIZES]));
    expect(iconMap([16, 128])).toEqual({ '16': 'icon/16.png', '128': 'icon/128.png' });
  });

  it('reads sizes from PNG headers only', () => {
    expect(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
      null,
    );
    expect(pngSize(committed(16).subarray(0, 20))).toBe(null);
  });
});
