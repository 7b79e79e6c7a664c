// Where the help button goes so that it covers neither the CRM's save bar nor the field in use.
import { describe, expect, it } from 'vitest';
import { clearShift, type Box } from '../../../../runtime/help/keepClear';

const VIEWPORT_HEIGHT = 800;
/** The button at home in the bottom-right corner of a 1280 × 800 page. */
const BOTTOM_RIGHT: Box = { top: 748, bottom: 784, left: 1180, right: 1264 };
const TOP_LEFT: Box = { top: 16, bottom: 52, left: 16, right: 100 };

describe('clearShift', () => {
  it('stays home when nothing is in the way', () => {
    const elsewhere: Box = { top: 100, bottom: 140, left: 10, right: 300 };
    expect(clearShift(BOTTOM_RIGHT, 'bottom-right', [elsewhere], VIEWPORT_HEIGHT)).toBe(0);
  });

  it('moves up just past a docked save bar across the bottom of the page', () => {
    const saveBar: Box = { top: 736, bottom: 800, left: 0, right: 1280 };
    // 784 − (736 − 8): its bottom 8 px above the bar.
    expect(clearShift(BOTTOM_RIGHT, 'bottom-right', [saveBar], VIEWPORT_HEIGHT)).toBe(56);
  });

  it('moves past the field being typed in, then past what is above that too', () => {
    const field: Box = { top: 740, bottom: 770, left: 1000, right: 1200 };
    const above: Box = { top: 700, bottom: 725, left: 1150, right: 1270 };
    // Past the field: 784 − 732 = 52, which would cover `above`; past it: 784 − 692 = 92.
    expect(clearShift(BOTTOM_RIGHT, 'bottom-right', [field, above], VIEWPORT_HEIGHT)).toBe(92);
  });

  it('moves down from a top corner', () => {
    const header: Box = { top: 0, bottom: 64, left: 0, right: 1280 };
    expect(clearShift(TOP_LEFT, 'top-left', [header], VIEWPORT_HEIGHT)).toBe(56);
  });

  it('stays home rather than leave the screen when the whole edge is taken', () => {
    const panel: Box = { top: 0, bottom: 800, left: 1100, right: 1280 };
    expect(clearShift(BOTTOM_RIGHT, 'bottom-right', [panel], VIEWPORT_HEIGHT)).toBe(0);
  });

  it('keeps a gap: an obstacle 8 px away or more does not move it', () => {
    const near: Box = { top: 700, bottom: 740, left: 1180, right: 1264 };
    expect(clearShift(BOTTOM_RIGHT, 'bottom-right', [near], VIEWPORT_HEIGHT)).toBe(0);
    const touching: Box = { ...near, bottom: 741 };
    // 784 − (700 − 8)
    expect(clearShift(BOTTOM_RIGHT, 'bottom-right', [touching], VIEWPORT_HEIGHT)).toBe(92);
  });
});
