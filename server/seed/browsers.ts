/**
 * The simulated browsers, one person each: who they are (pace, keenness, care), when the
 * roll-out reaches them, and the seeded streams they draw from. Every browser has streams of its
 * own, so that any slice of the browsers can be generated apart from the others.
 */
import { EMPTY_REPORTED, type ReportedState } from '../../core/aggregate';
import { seededRandom } from '../../core/random';
import type { GuideRun } from '../../core/guideRun';
import type { AnnouncementsSeen } from '../../core/announcements';

// ---- Randomness ----

/** FNV-1a of the parts: independent streams per seed, browser and purpose. */
export function streamSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A version-4 UUID from a seeded stream: random-looking like the browser's, but repeatable. */
export function uuidFrom(random: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 16; i++) hex.push(((random() * 256) | 0).toString(16).padStart(2, '0'));
  hex[6] = `4${hex[6]?.[1] ?? '0'}`;
  hex[8] = ((parseInt(hex[8] ?? '0', 16) & 0x3f) | 0x80).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function pick<T>(items: readonly (readonly [T, number])[], random: () => number): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

export const between = (random: () => number, low: number, high: number) =>
  low + random() * (high - low);

// ---- The roll-out ----

/**
 * The roll-out goes out in waves, a week apart: a pilot group on the roll-out day, then two
 * more groups. Index into the wave days, with each wave's share of the browsers.
 */
export const WAVE_SHARES: readonly (readonly [number, number])[] = [
  [0, 0.25],
  [1, 0.35],
  [2, 0.4],
];
export const WAVE_GAP_DAYS = 7;

/** The control group: this share of browsers is shown no guidance after the roll-out. */
export const CONTROL_SHARE = 0.25;

// ---- Browsers ----

export interface Browser {
  index: number;
  role: string;
  random: () => number;
  ids: () => number;
  /** The per-install rollout seed (core/match.ts), never sent. */
  installSeed: string;
  /** Chance of working on a weekday; 0.55–1. */
  presence: number;
  /** Page views per day against the role's typical day. */
  pace: number;
  /** How readily this person tries guides and sees them through; 0.3–1. */
  affinity: number;
  /** How often this person leaves fields empty or wrong, against the norm. */
  carelessness: number;
  /** First day index this person uses the CRM (new joiners arrive later). */
  joins: number;
  /** Day index from which this browser runs the guides: its roll-out wave. */
  enabled: number;
  /** Held back from the roll-out on: shown no guides, its workflows measured all the same. */
  control: boolean;
  reported: ReportedState;
  /** ISO weeks and guide versions this browser already flagged (the counted aggregation). */
  weeks: Set<string>;
  completed: Set<string>;
  runs: Map<string, GuideRun>;
  /** What this person did with each announcement, and the stream their choices are drawn from. */
  announcements: AnnouncementsSeen;
  announcementRandom: () => number;
}

export function newBrowser(
  index: number,
  role: string,
  seed: number,
  days: number,
  waves: readonly number[],
): Browser {
  const random = seededRandom(streamSeed(seed, 'browser', index));
  const installSeed = Math.floor(random() * 2 ** 32).toString(36);
  return {
    index,
    role,
    random,
    ids: seededRandom(streamSeed(seed, 'batch-ids', index)),
    installSeed,
    presence: between(random, 0.55, 1),
    pace: between(random, 0.6, 1.4),
    affinity: between(random, 0.3, 1),
    // Most people are fairly careful, a few are not: 0.4–2.8, skewed low, 1 on average.
    carelessness: 0.4 + 2.4 * random() * random(),
    joins: random() < 0.08 ? Math.floor(random() * days) : 0,
    enabled: waves[pick(WAVE_SHARES, random)] ?? days,
    // A stream of its own, so that drawing the control group leaves every other draw as it was.
    control: seededRandom(streamSeed(seed, 'control', index))() < CONTROL_SHARE,
    reported: EMPTY_REPORTED,
    weeks: new Set(),
    completed: new Set(),
    runs: new Map(),
    announcements: {},
    announcementRandom: seededRandom(streamSeed(seed, 'announcements', index)),
  };
}
