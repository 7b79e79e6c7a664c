/**
 * The period of a snapshot and its optional baseline: quick choices for the usual questions
 * ("the last 30 days", "against the 30 days before") and exact dates for the rest. Dates are UTC
 * days, as the counters are.
 */
import { useState } from 'preact/hooks';
import { utcDay } from '../../core/days';
import { addDays, MAX_PERIOD_DAYS, periodDays, type Period } from '../../core/snapshot';
import { TEXT } from '../pageText';

const T = TEXT.period;

export interface PeriodChoice {
  period: Period;
  baseline: Period | null;
}

/** The `days` days up to and including `to`. */
export function lastDays(days: number, to = utcDay(Date.now())): Period {
  return { from: addDays(to, 1 - days), to };
}

/** The period of the same length just before `period`. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/** What is wrong with a period (`name`: the period itself or its baseline), in a sentence, or null. */
export function periodProblem(period: Period, name: 'period' | 'baseline'): string | null {
  const main = name === 'period';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period.from) || !/^\d{4}-\d{2}-\d{2}$/.test(period.to)) {
    return main ? T.periodDatesMissing : T.baselineDatesMissing;
  }
  if (period.from > period.to) return main ? T.periodReversed : T.baselineReversed;
  if (periodDays(period) > MAX_PERIOD_DAYS) {
    return main ? T.periodTooLong(MAX_PERIOD_DAYS) : T.baselineTooLong(MAX_PERIOD_DAYS);
  }
  return null;
}

const PRESETS = [7, 30, 90];

function DateRange({
  legend,
  idPrefix,
  value,
  onInput,
}: {
  legend: string;
  idPrefix: string;
  value: Period;
  onInput: (p: Period) => void;
}) {
  return (
    <fieldset class="date-range">
      <legend>{legend}</legend>
      <label for={`${idPrefix}-from`}>{T.from}</label>
      <input
        id={`${idPrefix}-from`}
        type="date"
        value={value.from}
        onInput={(e) => onInput({ ...value, from: e.currentTarget.value })}
      />
      <label for={`${idPrefix}-to`}>{T.to}</label>
      <input
        id={`${idPrefix}-to`}
        type="date"
        value={value.to}
        onInput={(e) => onInput({ ...value, to: e.currentTarget.value })}
      />
    </fieldset>
  );
}

/**
 * Edits a draft and hands it over on "Show": changing a date does not fetch half-typed periods.
 */
export function PeriodPicker({
  value,
  onChange,
  busy = false,
}: {
  value: PeriodChoice;
  onChange: (choice: PeriodChoice) => void;
  busy?: boolean;
}) {
  const [period, setPeriod] = useState(value.period);
  const [baseline, setBaseline] = useState<Period | null>(value.baseline);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (choice: PeriodChoice) => {
    const wrong =
      periodProblem(choice.period, 'period') ??
      (choice.baseline ? periodProblem(choice.baseline, 'baseline') : null);
    setProblem(wrong);
    if (!wrong) onChange(choice);
  };
  const preset = (days: number) => {
    const next = lastDays(days);
    const nextBaseline = baseline ? previousPeriod(next) : null;
    setPeriod(next);
    setBaseline(nextBaseline);
    submit({ period: next, baseline: nextBaseline });
  };

  return (
    <form
      class="period-picker"
      aria-label={T.form}
      onSubmit={(e) => {
        e.preventDefault();
        submit({ period, baseline });
      }}
    >
      <div class="presets" role="group" aria-label={T.presets}>
        {PRESETS.map((days) => (
          <button type="button" class="secondary" key={days} onClick={() => preset(days)}>
            {T.lastDays(days)}
          </button>
        ))}
      </div>
      <DateRange legend={T.period} idPrefix="period" value={period} onInput={setPeriod} />
      <div class="baseline-choice">
        <label>
          <input
            type="checkbox"
            checked={baseline !== null}
            onChange={(e) => setBaseline(e.currentTarget.checked ? previousPeriod(period) : null)}
          />{' '}
          {T.compare}
        </label>
        {baseline && (
          <>
            <DateRange
              legend={T.baseline}
              idPrefix="baseline"
              value={baseline}
              onInput={setBaseline}
            />
            <button
              type="button"
              class="secondary"
              onClick={() => setBaseline(previousPeriod(period))}
            >
              {T.usePrevious}
            </button>
          </>
        )}
      </div>
      <button type="submit" disabled={busy}>
        {T.show}
      </button>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
