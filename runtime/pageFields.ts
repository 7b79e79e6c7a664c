/**
 * The field rules of the page each refresh reports: checked on save and, for a guided rep, tips
 * while typing. The rules of the page before end with the refresh.
 */
import type { PageGuides } from '../core/messages';
import { formatMatcher } from './fieldFormats';
import { showFieldHints } from './fieldHints';
import type { UsageRecorder } from './usageRecorder';
import { watchFields } from './watchFields';

export interface PageFieldsContext {
  doc: Document;
  recorder: UsageRecorder | undefined;
  /** Guidance in this frame: when it ends, so do the checks. */
  signal: AbortSignal;
  /** A walkthrough step is on screen. */
  stepShowing: () => boolean;
}

/** Returns what starts the checks of the page a refresh reported. */
export function pageFieldChecks(context: PageFieldsContext): (state: PageGuides) => void {
  /** Field-rule checks of the current page; replaced on every refresh. */
  let fieldControl: AbortController | null = null;
  return (state) => {
    fieldControl?.abort();
    const fieldsControl = new AbortController();
    fieldControl = fieldsControl;
    context.signal.addEventListener('abort', () => fieldsControl.abort(), {
      signal: fieldsControl.signal,
    });
    // The formats' engine may still be loading: the walkthrough does not wait for it.
    void watchPageFields(state, context, fieldsControl.signal).catch((e: unknown) =>
      console.debug('[waymark]', e),
    );
  };
}

/** Field rules on this page: checked on save and, for a guided rep, tips while typing. */
async function watchPageFields(
  state: PageGuides,
  { doc, recorder, signal, stepShowing }: PageFieldsContext,
  fieldsSignal: AbortSignal,
): Promise<void> {
  const fieldWatch = {
    page: state.page,
    fields: state.fields,
    saveSelector: state.saveSelector,
    anchors: state.fieldAnchors,
    matches: await formatMatcher(state.fields).catch(() => undefined),
  };
  if (signal.aborted || fieldsSignal.aborted) return;
  watchFields(fieldWatch, recorder, doc, fieldsSignal);
  // A walkthrough step on screen has the user's attention; tips wait until it is gone. A
  // cohort measured without guidance gets the checks on save, never the tips.
  if (!state.quiet) {
    showFieldHints(fieldWatch, doc, fieldsSignal, stepShowing);
  }
}
