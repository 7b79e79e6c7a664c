/**
 * The element a step is drawn at: the button that starts the picker, the strategies proposed for
 * the picked element with what each finds on this page, and whether together they find it.
 */
import type { Ref } from 'preact';
import { T } from './panelText';
import { OFFERED_STRATEGIES, strategiesOf, type OfferedStrategy } from './targetChoice';
import type { Editing } from './useStepEditor';

const STRATEGY_TEXT: Record<string, string> = T.strategy;

function StrategyTable({
  editing,
  onChoose,
}: {
  editing: Editing;
  onChoose: (strategy: OfferedStrategy, chosen: boolean) => void;
}) {
  const use = strategiesOf(editing.step.target);
  return (
    <table class="wm-author-strategies">
      <caption>{editing.check ? T.waysToFindChecked : T.waysToFind}</caption>
      <thead>
        <tr>
          <th scope="col">{T.use}</th>
          <th scope="col">{T.strategyHeading}</th>
          {editing.check && <th scope="col">{T.matches}</th>}
        </tr>
      </thead>
      <tbody>
        {OFFERED_STRATEGIES.filter((key) => editing.proposal?.[key]).map((key) => {
          const found = editing.check?.strategies.find((s) => s.strategy === key);
          const value =
            key === 'role'
              ? `${editing.proposal?.role ?? ''} “${editing.proposal?.name ?? ''}”`
              : String(editing.proposal?.[key]);
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
              {editing.check && (
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
  editing,
  pickButton,
  onPick,
  onChoose,
}: {
  editing: Editing;
  pickButton: Ref<HTMLButtonElement>;
  onPick: () => void;
  onChoose: (strategy: OfferedStrategy, chosen: boolean) => void;
}) {
  return (
    <div class="wm-author-target">
      <button type="button" ref={pickButton} onClick={onPick}>
        {editing.step.target ? T.pickAgain : T.pick}
      </button>
      {editing.proposal && <StrategyTable editing={editing} onChoose={onChoose} />}
      {editing.check && (
        <p class="wm-author-note" role="status">
          {editing.check.resolvesToPicked
            ? T.findsPicked(editing.check.report.candidates)
            : T.missesPicked}
        </p>
      )}
    </div>
  );
}
