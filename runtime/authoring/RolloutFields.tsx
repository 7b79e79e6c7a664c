/** Who sees a guide or a pilot: cohorts, a stable share of users, and a date window. */
import type { DraftRollout } from './draft';
import { T } from './panelText';

export function RolloutFields({
  idPrefix,
  rollout,
  onChange,
}: {
  idPrefix: string;
  rollout: DraftRollout;
  onChange: (change: Partial<DraftRollout>) => void;
}) {
  return (
    <div class="wm-author-grid">
      <label for={`${idPrefix}-percent`}>{T.percent}</label>
      <input
        id={`${idPrefix}-percent`}
        type="number"
        min={0}
        max={100}
        step={1}
        value={rollout.percent}
        onInput={(e) => onChange({ percent: e.currentTarget.valueAsNumber })}
      />
      <label for={`${idPrefix}-cohorts`}>{T.cohorts}</label>
      <input
        id={`${idPrefix}-cohorts`}
        placeholder={T.allCohorts}
        value={rollout.cohorts}
        onInput={(e) => onChange({ cohorts: e.currentTarget.value })}
      />
      <label for={`${idPrefix}-from`}>{T.fromDay}</label>
      <input
        id={`${idPrefix}-from`}
        type="date"
        value={rollout.from}
        onInput={(e) => onChange({ from: e.currentTarget.value })}
      />
      <label for={`${idPrefix}-until`}>{T.untilDay}</label>
      <input
        id={`${idPrefix}-until`}
        type="date"
        value={rollout.until}
        onInput={(e) => onChange({ until: e.currentTarget.value })}
      />
    </div>
  );
}
