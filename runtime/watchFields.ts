/**
 * Checks the page's field rules when the record is saved (a click on the CRM's save control) and
 * records which fields were left empty or invalid. Values are read, judged and forgotten here.
 */
import { fieldProblem, type FieldCheck, type FormatMatcher } from '../core/fieldRules';
import type { PageContext } from '../core/match';
import type { UsageRecorder } from './usageRecorder';
import { resolveTarget } from './resolveTarget';

/**
 * The value a person entered in a control: form elements' own value, the text of a
 * contenteditable, and for ARIA comboboxes that are not inputs (a button showing the choice),
 * their `aria-valuetext` or the choice they show. Read, judged and forgotten by the caller.
 */
export function valueOf(control: Element): string {
  if (control instanceof HTMLInputElement) {
    if (control.type === 'checkbox' || control.type === 'radio') {
      return control.checked ? control.value : '';
    }
    return control.value;
  }
  if (control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) {
    return control.value;
  }
  if ((control as HTMLElement).isContentEditable) return control.textContent ?? '';
  const role = control.getAttribute('role');
  if (role === 'checkbox' || role === 'switch') {
    return control.getAttribute('aria-checked') === 'true' ? 'true' : '';
  }
  // Lightning's combobox is a button carrying its choice in data-value; its text may be a
  // placeholder ("Select an Option"), so the text is never taken for a value.
  const stated = control.getAttribute('aria-valuetext') ?? control.getAttribute('data-value');
  if (stated !== null) return stated;
  const value = (control as { value?: unknown }).value;
  return typeof value === 'string' && !(control instanceof HTMLButtonElement) ? value : '';
}

export interface FieldWatch {
  page: PageContext;
  fields: FieldCheck[];
  saveSelector: string;
  anchors: Record<string, string>;
  /** Runs the rules' formats (RE2); without it only emptiness is judged. */
  matches?: FormatMatcher;
}

/**
 * The rules to judge each control by: every rule's emptiness, but one format per control (the
 * first), so rules that name one field in different ways cannot add formats and learn its
 * value one yes-or-no at a time.
 */
export function rulesByControl(
  fields: readonly FieldCheck[],
  controlOf: (field: FieldCheck) => Element | null,
): { control: Element; field: FieldCheck }[] {
  const formatted = new Set<Element>();
  const out: { control: Element; field: FieldCheck }[] = [];
  for (const field of fields) {
    const control = controlOf(field);
    if (!control) continue;
    if (field.pattern !== undefined && formatted.has(control)) {
      out.push({ control, field: { ...field, pattern: undefined } });
      continue;
    }
    if (field.pattern !== undefined) formatted.add(control);
    out.push({ control, field });
  }
  return out;
}

export function watchFields(
  { page, fields, saveSelector, anchors, matches }: FieldWatch,
  recorder: UsageRecorder | undefined,
  doc: Document,
  signal: AbortSignal,
): void {
  if (fields.length === 0 || !recorder) return;
  const check = () => {
    // The value lives in the control, never in the wrapper an anchor may name.
    const judged = rulesByControl(
      fields,
      (field) => resolveTarget(field.target, (a) => anchors[a] ?? '', doc).control,
    );
    for (const { control, field } of judged) {
      const problem = fieldProblem(field, valueOf(control), matches);
      if (!problem) continue;
      recorder.record({
        at: Date.now(),
        kind: problem === 'empty' ? 'field.empty' : 'field.invalid',
        crm: page.crm,
        pageType: page.pageType,
        guideId: field.guideId,
        guideVersion: field.guideVersion,
        field: field.key,
      });
    }
  };
  doc.addEventListener(
    'click',
    (event) => {
      // A save is the rep's click: a click page script dispatches records nothing.
      if (!event.isTrusted) return;
      const saving = event
        .composedPath()
        .some((node) => node instanceof Element && node.matches(saveSelector));
      if (!saving) return;
      try {
        check();
      } catch (error) {
        console.debug('[waymark]', error);
      }
    },
    { capture: true, signal },
  );
}
