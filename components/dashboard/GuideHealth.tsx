/**
 * At the top of the dashboard: the guide steps whose target went missing far more often in their
 * latest days than in the week before (core/snapshot/guideHealth.ts), each with the strategies that
 * found nothing, its page type and the guide doctor's command to run on such a page. Nothing is
 * rendered while no step is flagged.
 */
import { TEXT } from '../pageText';
import { isSuppressed, type StepHealth } from '../../core/snapshot';
import { formatCell, formatDay, suppressedText } from '../snapshot/format';
import type { ServedSnapshot } from './api';

const T = TEXT.guideHealth;

/**
 * The judged days' rate against the week before. When the week's misses came from fewer than k
 * people their count stays hidden, and the sentence says so instead of giving a rate.
 */
function rateText(s: StepHealth, k: number): string {
  const when =
    s.from === s.day ? T.onDay(formatDay(s.day)) : T.onDays(formatDay(s.from), formatDay(s.day));
  const [rate, runs] = [
    formatCell(s.latest.rate, 'rate', k),
    formatCell(s.latest.runs, 'count', k),
  ];
  const runsBefore = formatCell(s.previous.runs, 'count', k);
  return isSuppressed(s.previous.targetMissing)
    ? T.rateFewBefore(when, rate, runs, runsBefore, suppressedText(k))
    : T.rate(when, rate, runs, formatCell(s.previous.rate, 'rate', k), runsBefore);
}

export function GuideHealth({ snapshot }: { snapshot: ServedSnapshot }) {
  const flagged = snapshot.guideHealth.filter((s) => s.flagged);
  if (flagged.length === 0) return null;
  const { k } = snapshot;
  return (
    <section class="snapshot-section guide-health" aria-labelledby="guide-health-title">
      <h2 id="guide-health-title">{T.title}</h2>
      <p>{T.intro}</p>
      <ul>
        {flagged.map((s) => (
          <li key={`${s.guide}@${s.version}/${s.step}`}>
            <h3>{T.step(snapshot.labels.guides?.[s.guide] ?? s.guide, s.version, s.step)}</h3>
            <p>{rateText(s, k)}</p>
            <p>
              {s.failedStrategies.length > 0
                ? T.failed(
                    s.failedStrategies
                      .map((f) => T.strategyCount(f.strategy, formatCell(f.count, 'count', k)))
                      .join(', '),
                  )
                : T.noneFailed}
            </p>
            {s.pageType && (
              <p>
                {T.pageType(s.pageType)} {T.doctor} <code>{T.doctorCommand}</code>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
