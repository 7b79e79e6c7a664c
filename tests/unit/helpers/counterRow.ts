/** A stored counter row for snapshot tests: one browser's single event on 4 May 2026, overridable. */
import type { SignalKind } from '../../../core/signals';
import type { CounterRow } from '../../../core/snapshot';

export function row(kind: SignalKind, more: Partial<CounterRow> = {}): CounterRow {
  return {
    day: '2026-05-04',
    role: 'rep',
    crm: 'demo',
    kind,
    guide: '',
    version: 0,
    step: '',
    pageType: '',
    field: '',
    cohort: '',
    count: 1,
    contributors: 1,
    scoreSum: 0,
    ...more,
  };
}
