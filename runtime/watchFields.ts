/**
 * Checks the page's field rules when the record is saved (a click on the CRM's save control) and
 * records which fields were left empty or invalid. Values are read, judged and forgotten here.
 */
import { fieldProblem, type FieldCheck } from '../core/fieldRules';
import type { PageContext } from '../core/match';
import type { UsageRecorder } from './usageRecorder';
import { resolveTarget } from './resolveTarget';

export function valueOf(el: Element): string {
  if (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
  ) {
    return el.value;
  }
  const value = (el as { value?: unknown }).value;
  return typeof value === 'string' ? value : (el.textContent ?? '');
}

export interface FieldWatch {
  page: PageContext;
  fields: FieldCheck[];
  saveSelector: string;
  anchors: Record<string, string>;
}

export function watchFields(
  { page, fields, saveSelector, anchors }: FieldWatch,
  recorder: UsageRecorder | undefined,
  doc: Document,
  signal: AbortSignal,
): void {
  if (fields.length === 0 || !recorder) return;
  const check = () => {
    for (const field of fields) {
      const { element } = resolveTarget(field.target, (a) => anchors[a] ?? '', doc);
      if (!element) continue;
      const problem = fieldProblem(field, valueOf(element));
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
