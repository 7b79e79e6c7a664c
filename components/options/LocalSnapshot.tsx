/**
 * The dashboard's views over this browser's own event log: a pilot can read funnels, fields and
 * training before any endpoint exists, and a rep sees exactly what their usage adds up to.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LocalSnapshot as LocalSnapshotData } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { TEXT } from '../pageText';
import { lastDays, PeriodPicker, type PeriodChoice } from '../snapshot/PeriodPicker';
import { SnapshotView } from '../snapshot/SnapshotView';

export function LocalSnapshot() {
  const [choice, setChoice] = useState<PeriodChoice>({ period: lastDays(30), baseline: null });
  const [data, setData] = useState<LocalSnapshotData | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(true);

  useEffect(() => {
    let current = true;
    setBusy(true);
    callBackground('activity:snapshot', choice)
      .then((result) => {
        if (!current) return;
        setData(result);
        setError('');
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [choice]);

  return (
    <section
      class="activity local-snapshot"
      aria-labelledby="figures-heading"
      aria-busy={busy ? 'true' : 'false'}
    >
      <h1 id="figures-heading">{TEXT.figures.title}</h1>
      <p class="intro">{TEXT.figures.intro}</p>
      <PeriodPicker value={choice} onChange={setChoice} busy={busy} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {data && <SnapshotView snapshot={data.snapshot} labels={data.labels} />}
    </section>
  );
}
