/**
 * The names of the strategies a guide step's target can name its element by (core/guide/schema.ts,
 * runtime/targetStrategies.ts). A missing target reports which of them found nothing by these
 * names alone: a fixed list, so nothing of the page (a selector, a text) can travel in their place.
 */
export const TARGET_STRATEGIES = [
  'anchor',
  'testId',
  'css',
  'role',
  'label',
  'text',
  'frame',
] as const;
export type TargetStrategy = (typeof TARGET_STRATEGIES)[number];
