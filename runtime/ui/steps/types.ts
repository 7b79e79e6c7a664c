import type { VNode } from 'preact';
import type { Step, StepKind } from '../../../core/guide/schema';

export interface StepHandlers {
  next(): void;
  back(): void;
  skip(): void;
  exit(): void;
  /** Moves keyboard focus to the target, so a keyboard user can do what the step asks. */
  reveal(): void;
  /** Opens or closes a hotspot's bubble. */
  toggle(): void;
  answer(score: number): void;
  /** The rep followed the "Ask a champion" link (counted, never who). */
  askChampion(): void;
  /** "Remind me later", on a guide that launched by itself. */
  snooze(): void;
  /** "Don't show again", on a guide that launched by itself. */
  never(): void;
}

export interface StepViewProps<S extends Step = Step> {
  /** The step with its text already in the user's locale. */
  step: S;
  guideTitle: string;
  /**
   * The language of the guide text shown (title, body, and text guides cannot translate such as
   * a survey's question), which may differ from the language of Waymark's own words around it.
   */
  textLang: { title: string; body: string; own: string };
  index: number;
  total: number;
  /** The target was found, so the bubble is positioned on it (otherwise it is centred). */
  anchored: boolean;
  /** A hotspot's bubble is open. */
  expanded: boolean;
  /** Who this rep's team asks when stuck, from the organisation's policy. */
  champion?: ChampionContact | null;
  /** The guide launched by itself: the rep may snooze it or never see it again. */
  autoLaunched?: boolean;
  on: StepHandlers;
}

export interface ChampionContact {
  name: string;
  /** https: or mailto: only (checked by the policy schema and again before it is rendered). */
  link: string;
}

/** One step kind's UI. Anchored kinds are positioned on their target by the runtime. */
export interface StepKindView<K extends StepKind = StepKind> {
  kind: K;
  render(props: StepViewProps<Extract<Step, { kind: K }>>): VNode;
  /** Shown closed at first (a hotspot's beacon): Esc closes it before it exits the guide. */
  collapsible?: boolean;
  /** → moves on (default): not where the arrow keys choose an answer (a survey's scores). */
  arrowKeysAdvance?: boolean;
  /** Where the bubble sits when the step names no placement (default `auto`). */
  placement?: 'right';
}
