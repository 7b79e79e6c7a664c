/** What the doctor sends into the CRM page and what comes back: plain, serialisable data. */
import type { Target } from '../../core/guide/schema';
import type { StrategyReport } from '../../runtime/resolveTarget';

export interface ProbeRequest {
  /** Ties the answer to its guide and step. */
  key: string;
  target: Target;
  /** How long to wait for a target that renders late. */
  waitMs: number;
  /** Anchor name → the CRM adapter's selector for it, as the background hands them out. */
  anchors: Record<string, string>;
}

export interface FoundElement {
  /** Lower-case tag name, e.g. `input`. */
  tag: string;
  inShadowRoot: boolean;
  inFrame: boolean;
}

export interface ProbeResult {
  key: string;
  strategies: StrategyReport[];
  /** Distinct elements any strategy voted for. */
  candidates: number;
  /** The element the target resolves to, as the runtime would pick it; null when none. */
  element: FoundElement | null;
  /**
   * The control a step on it acts on (focus, typing, clicks, field values): the element itself,
   * the one control inside it (a Lightning field's input inside its anchored wrapper), or null.
   */
  control: (FoundElement & { same: boolean }) | null;
  /** How long the target took to appear (or the whole wait when it did not). */
  waitedMs: number;
}
