/**
 * The element a step or field rule is drawn at: the button that starts the picker, the strategies
 * proposed for the picked element with what each finds on this page, and whether together they
 * find it.
 */
import type { Target } from '../../core/guide/schema';
import { T } from './panelText';
import {
  OFFERED_STRATEGIES,
  strategiesOf,
  type OfferedStrategy,
  type TargetPick,
} from './targetChoice';

const STRATEGY_TEXT: Record<string, string> = T.strategy;

interface TargetProps {
  target: Target | undefined;
  pick: TargetPick;
  onChoose: (strategy: OfferedStrategy, chosen: boolean) => void;
}

function StrategyTable({ target, pick, onChoose }: TargetProps) {
  const use = strategiesOf(target);
  return (
    <table class="wm-author-strategies">
      <caption>{pick.check ? T.waysToFindChecked : T.waysToFind}</caption>
      <thead>
        <tr>
          <th scope="col">{T.use}</th>
          <th scope="col">{T.strategyHeading}</th>
          {pick.check && <th scope="col">{T.matches}</th>}
        </tr>
      </thead>
      <tbody>
        {OFFERED_STRATEGIES.filter((key) => pick.proposal?.[key]).map((key) => {
          const found = pick.check?.strategies.find((s) => s.strategy === key);
          const value =
            key === 'role'
              ? `${pick.proposal?.role ?? ''} “${pick.proposal?.name ?? ''}”`
              : String(pick.proposal?.[key]);
          return (
            <tr key={key} data-strategy={key}>
              <td>
                <input
                  type="checkbox"
                  aria-label={T.useStrategy(STRATEGY_TEXT[key] ?? key)}
                  checked={use.has(key)}
                  onChange={(e) => onChoose(key, e.currentTarget.checked)}
                />
              </td>
              <td>
                {STRATEGY_TEXT[key]} <code>{value}</code>
              </td>
              {pick.check && (
                <td data-matches={found?.matches ?? 0}>
                  {found
                    ? found.findsPicked
                      ? String(found.matches)
                      : T.matchesElsewhere(found.matches)
                    : ''}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TargetEditor({
  target,
  pick,
  onPick,
  onChoose,
  pickId,
  pickLabel = T.pick,
}: TargetProps & {
  /** Starts the picker; focus comes back to the button (found by `pickId`) when it ends. */
  onPick: (button: HTMLButtonElement) => void;
  pickId: string;
  pickLabel?: string;
}) {
  return (
    <div class="wm-author-target">
      <button type="button" id={pickId} onClick={(e) => onPick(e.currentTarget)}>
        {target ? T.pickAgain : pickLabel}
      </button>
      {pick.proposal && <StrategyTable target={target} pick={pick} onChoose={onChoose} />}
      {pick.check && (
        <p class="wm-author-note" role="status">
          {pick.check.resolvesToPicked
            ? T.findsPicked(pick.check.report.candidates)
            : T.missesPicked}
        </p>
      )}
    </div>
  );
}
