/**
 * The run as this frame knows it: the page the background last reported, the run in progress and
 * its step on screen. Everything that changes them waits its turn in one queue, so a refresh and
 * a click that arrive together never interleave their awaits.
 */
import { localizeStep } from '../../core/guide/locale';
import { browserLanguage } from '../../core/i18n/locales';
import { globMatch, stepFitsPage, type PageContext } from '../../core/match';
import type { ActiveRun, PageGuides } from '../../core/messages';
import { currentStep, type RunAction } from '../../core/guideRun';
import { callBackground } from '../../platform/channel';
import type { ChampionContact } from '../ui/steps/types';
import { helpButton } from '../help/helpButton';
import { pageFieldChecks } from '../pageFields';
import { deepActiveElement } from '../resolveTarget';
import { usageRecorder } from '../usageRecorder';
import { announcementSlot } from './announcementBar';
import { present, type StepRun } from './drawStep';
import { watchActivity, type ActivityWatch } from './quietMoment';
import { returnFocusTo, type FocusPolicy } from './stepFocus';
import { stepUsage, type StepUsage } from './stepUsage';

export class RunState implements StepRun {
  // Guide text and Waymark's own words (runtime/ui/uiText.ts) follow the same language.
  readonly locale = browserLanguage();
  readonly doc: Document;
  readonly usage: StepUsage;
  /** Read by the step on screen; only the run's own methods change it. */
  current: ActiveRun | null = null;
  /** Read by the step on screen; only a refresh changes it. */
  champion: ChampionContact | null = null;
  // Filled from the background, which holds the CRM adapters (keeping this script small).
  private page: PageContext | null = null;
  private stepControl: AbortController | null = null;
  private returnFocus: Element | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly recorder = usageRecorder();
  private readonly signal: AbortSignal;
  private readonly checkPageFields: (state: PageGuides) => void;
  private readonly showHelpButton: (state: PageGuides) => void;
  private readonly showAnnouncement: ReturnType<typeof announcementSlot>;
  private readonly activity: ActivityWatch;
  /** An auto-launch waiting for a quiet moment; whatever the run does next cancels it. */
  private autoLaunchWait: AbortController | null = null;

  constructor(signal: AbortSignal, doc: Document) {
    this.signal = signal;
    this.doc = doc;
    this.usage = stepUsage(this.recorder, () => this.page);
    this.checkPageFields = pageFieldChecks({
      doc,
      recorder: this.recorder,
      signal,
      stepShowing: () => this.stepControl !== null,
    });
    this.showHelpButton = helpButton({
      doc,
      signal,
      startGuide: (guideId, returnTo) => this.startFromHelp(guideId, returnTo),
    });
    this.showAnnouncement = announcementSlot(doc, signal, (guideId) =>
      this.enqueue(() => this.start(guideId)),
    );
    this.activity = watchActivity(doc, signal);
  }

  // Nothing here may throw into the page: failures end up in the console, guidance carries on.
  enqueue(op: () => unknown): void {
    this.queue = this.queue.then(op).catch((error: unknown) => console.debug('[waymark]', error));
  }

  endStep(): void {
    this.stepControl?.abort();
    this.stepControl = null;
  }

  private endRun(): void {
    this.endStep();
    if (this.current) returnFocusTo(this.returnFocus);
    this.current = null;
    this.returnFocus = null;
  }

  async refresh(routeChanged = false, autoLaunch = true): Promise<void> {
    const previous = this.page;
    this.autoLaunchWait?.abort();
    const state = await callBackground('page:guides', { url: location.href, viewed: routeChanged });
    if (this.signal.aborted) return;
    const page = state.page;
    this.page = page;
    this.champion = state.champion ?? null;
    this.checkPageFields(state);
    this.showHelpButton(state);
    this.showAnnouncement(state.announcement);
    if (routeChanged && this.current && previous?.pageType !== page.pageType) {
      const advance = currentStep(this.current.run, this.current.guide)?.advance;
      if (advance?.on === 'route' && (!advance.page || globMatch(advance.page, page.pageType))) {
        return this.act('next', 'polite');
      }
    }
    if (state.paused || state.quiet) return this.endRun();
    if (state.active) return this.show(state.active, 'polite');
    if (this.current) this.endRun();
    if (state.autoLaunch && autoLaunch) this.launchWhenQuiet(state.autoLaunch.id);
  }

  /**
   * Starts a guide that launches by itself at the rep's first quiet moment, outside the queue so
   * that nothing else waits for it; a later refresh or start cancels it, and so does leaving the
   * page it was meant for.
   */
  private launchWhenQuiet(guideId: string): void {
    const wait = new AbortController();
    this.autoLaunchWait = wait;
    const meantFor = location.href;
    void this.activity.quiet(wait.signal).then((quiet) => {
      if (!quiet) return;
      this.enqueue(() => {
        if (wait.signal.aborted || this.current || location.href !== meantFor) return;
        return this.start(guideId, true);
      });
    });
  }

  /** Starts a guide: by hand, or by itself (`auto`, which fatigue control may refuse). */
  async start(guideId: string, auto = false): Promise<void> {
    this.autoLaunchWait?.abort();
    this.recorder?.flush();
    const active = await callBackground('run:start', auto ? { guideId, auto } : { guideId });
    if (active && !this.signal.aborted) this.begin(active, deepActiveElement(this.doc));
  }

  /**
   * Starts a guide the rep chose in the help panel, in its turn in the queue. One that starts on
   * another page has the tab open that page, where the run goes on.
   */
  startFromHelp(guideId: string, returnTo: Element): Promise<boolean> {
    return new Promise((resolve) => {
      let started = false;
      this.enqueue(async () => {
        try {
          this.autoLaunchWait?.abort();
          this.recorder?.flush();
          const { active, opened } = await callBackground('help:start', { guideId });
          if (!active || this.signal.aborted) return;
          started = true;
          if (!opened) this.begin(active, returnTo);
        } finally {
          resolve(started);
        }
      });
    });
  }

  private begin(active: ActiveRun, returnTo: Element | null): void {
    this.endRun();
    this.returnFocus = returnTo;
    this.show(active, 'take');
  }

  async act(action: RunAction, focus: FocusPolicy): Promise<void> {
    if (!this.current) return;
    const { run } = this.current;
    // What this page recorded so far reaches the log before the step's outcome does.
    this.recorder?.flush();
    const next = await callBackground('run:advance', {
      guideId: run.guideId,
      stepIndex: run.stepIndex,
      action,
    });
    if (this.signal.aborted) return;
    if (!next || next.run.status !== 'active') return this.endRun();
    this.show(next, focus);
  }

  restart(active: ActiveRun, focus: FocusPolicy): void {
    this.endStep();
    this.show(active, focus);
  }

  /** Shows the run's current step; targets are awaited in the background of the queue. */
  private show(active: ActiveRun, focus: FocusPolicy): void {
    const same =
      this.current &&
      this.stepControl &&
      this.current.run.guideId === active.run.guideId &&
      this.current.run.stepIndex === active.run.stepIndex;
    this.current = active;
    if (same) return;
    this.endStep();
    const step = currentStep(active.run, active.guide);
    if (!step || !this.page || !stepFitsPage(step, this.page.pageType)) return; // waits for its page
    const control = new AbortController();
    this.stepControl = control;
    this.signal.addEventListener('abort', () => control.abort(), { signal: control.signal });
    void present(this, active, localizeStep(step, this.locale), control.signal, focus).catch(
      (error: unknown) => console.debug('[waymark]', error),
    );
  }
}
