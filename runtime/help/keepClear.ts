/**
 * The help button keeps out of the rep's way: never over the CRM's own save bar (Lightning's docked
 * form footer, Dynamics' command bar, the demo's save row) and never over the field being typed
 * in. It stays in its corner and moves along the page's edge, up from a bottom corner and down
 * from a top one, just past whatever it would cover.
 */
import type { LauncherCorner } from '../../core/policy';
import { deepActiveElement } from '../resolveTarget';
import { shadowRoots } from '../searchRoots';
import { isEditable } from '../run/stepFocus';

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Room left between the button and what it moves away from. */
const GAP = 8;

const overlaps = (a: Box, b: Box) =>
  a.left < b.right + GAP &&
  b.left - GAP < a.right &&
  a.top < b.bottom + GAP &&
  b.top - GAP < a.bottom;

/**
 * How far the button at `home` (its box with no shift) must move along the edge, in pixels, so
 * that it covers none of `obstacles`; 0 when nothing is in the way, or when no place on the
 * screen's edge is free (a full-height panel): then it stays home rather than leave the screen.
 */
export function clearShift(
  home: Box,
  corner: LauncherCorner,
  obstacles: readonly Box[],
  viewportHeight: number,
): number {
  const up = corner.startsWith('bottom');
  let shift = 0;
  // Each move clears one obstacle for good, so there are at most as many moves as obstacles.
  for (let i = 0; i <= obstacles.length; i++) {
    const at = up
      ? { ...home, top: home.top - shift, bottom: home.bottom - shift }
      : { ...home, top: home.top + shift, bottom: home.bottom + shift };
    const hit = obstacles.find((o) => overlaps(at, o));
    if (!hit) return shift;
    shift = up ? home.bottom - (hit.top - GAP) : hit.bottom + GAP - home.top;
    const height = home.bottom - home.top;
    if (up ? home.bottom - shift - height < 0 : home.top + shift + height > viewportHeight) {
      return 0;
    }
  }
  return 0;
}

/** The box of `el` as the button's layer sees it (the viewport), or null when not shown. */
function boxOf(el: Element): Box | null {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0
    ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
    : null;
}

/** How many parents up a save control's fixed or sticky bar is looked for. */
const BAR_DEPTH = 8;

/** The bar a save control sits in when the CRM docks it (fixed or sticky), else the control. */
function barOf(control: Element): Element {
  let el: Element | null = control;
  for (let depth = 0; el && depth < BAR_DEPTH; depth++) {
    const position = getComputedStyle(el).position;
    if (position === 'fixed' || position === 'sticky') return el;
    const parent: Node | null = el.parentNode;
    el = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return control;
}

/** What the button must not cover now: the save controls' bars and the focused field. */
export function obstaclesOn(doc: Document, saveSelector: string): Box[] {
  const boxes: Box[] = [];
  if (saveSelector !== '') {
    for (const root of shadowRoots(doc)) {
      for (const control of root.querySelectorAll(saveSelector)) {
        const box = boxOf(barOf(control));
        if (box) boxes.push(box);
      }
    }
  }
  const focused = deepActiveElement(doc);
  if (focused && isEditable(focused)) {
    const box = boxOf(focused);
    if (box) boxes.push(box);
  }
  return boxes;
}
