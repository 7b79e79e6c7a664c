/**
 * The snapshot views, shared by the endpoint's dashboard (team figures) and the options page
 * (this browser's own figures): the period, then each section of `SNAPSHOT_SECTIONS` in turn.
 */
import { formatPeriod } from './format';
import { TEXT } from '../pageText';
import type { SnapshotLabels } from './parts';
import { SNAPSHOT_SECTIONS } from './sections';
import type { Snapshot } from '../../core/snapshot';

export type { SnapshotLabels } from './parts';

const T = TEXT.snapshot;

export function SnapshotView({
  snapshot,
  labels = {},
  statement = true,
}: {
  snapshot: Snapshot;
  labels?: SnapshotLabels;
  /** False where the page states the period, baseline and k itself (the dashboard). */
  statement?: boolean;
}) {
  return (
    <div class="snapshot">
      {statement && (
        <p class="snapshot-period">
          <strong>{T.periodLabel}</strong> {formatPeriod(snapshot.period)}
          {snapshot.baseline && (
            <>
              {' · '}
              <strong>{T.baselineLabel}</strong> {formatPeriod(snapshot.baseline)}
            </>
          )}
          {snapshot.k > 1 && (
            <>
              {' · '}
              {T.suppressedNote(snapshot.k)}
            </>
          )}
        </p>
      )}
      {SNAPSHOT_SECTIONS.map(({ id, View }) => (
        <View key={id} snapshot={snapshot} labels={labels} />
      ))}
    </div>
  );
}
