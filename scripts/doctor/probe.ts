/**
 * Runs inside the CRM page (bundled into one script at run time): waits for every target as the
 * runtime does, then asks the runtime's own resolver what each strategy finds. All targets wait
 * at once, so a page costs at most its longest wait.
 */
import { explainTarget } from '../../runtime/resolveTarget';
import { waitForTarget } from '../../runtime/waitForTarget';
import type { FoundElement, ProbeRequest, ProbeResult } from './types';

function describe(element: Element | null): FoundElement | null {
  if (!element) return null;
  return {
    tag: element.localName,
    // Compared by identity, not instanceof: a framed element belongs to another realm.
    inShadowRoot: element.getRootNode() !== element.ownerDocument,
    inFrame: element.ownerDocument !== document,
  };
}

async function probeOne(request: ProbeRequest): Promise<ProbeResult> {
  const anchorSelector = (anchor: string) => request.anchors[anchor] ?? '';
  const started = performance.now();
  const never = new AbortController().signal;
  await waitForTarget(request.target, anchorSelector, document, request.waitMs, never);
  const waitedMs = Math.round(performance.now() - started);
  // Asked again after the wait, so the counts describe the page the target was found on.
  const report = explainTarget(request.target, anchorSelector, document);
  return {
    key: request.key,
    strategies: report.strategies,
    candidates: report.candidates,
    element: describe(report.element),
    control: report.control
      ? { ...(describe(report.control) as FoundElement), same: report.control === report.element }
      : null,
    waitedMs,
  };
}

export function probe(requests: readonly ProbeRequest[]): Promise<ProbeResult[]> {
  return Promise.all(requests.map(probeOne));
}
