/**
 * Two versions of one guide side by side in words: the trainer picks them, the differences follow
 * (which step or setting, its text before and after). Guide text is shown as text.
 */
import { useState } from 'preact/hooks';
import type { GuideView } from '../../core/guide/lifecycle';
import { versionDifferences } from '../../core/guide/versionDifferences';
import { TEXT } from '../pageText';
import { differenceInWords } from './differenceWords';

const G = TEXT.guideLibrary;

/** At first: the pilot (else the newest version) against the live version (else the one before). */
function firstPair(guide: GuideView): [number, number] {
  const numbers = guide.versions.map((v) => v.number).sort((a, b) => a - b);
  const to = guide.pilot ?? numbers.at(-1) ?? 1;
  const earlier = numbers.filter((n) => n < to);
  const from = guide.live !== null && guide.live !== to ? guide.live : (earlier.at(-1) ?? to);
  return [from, to];
}

function VersionChoice(props: {
  id: string;
  label: string;
  numbers: number[];
  value: number;
  onChange: (n: number) => void;
}) {
  return (
    <span class="version-choice">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      >
        {props.numbers.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </span>
  );
}

export function VersionComparison({ guide }: { guide: GuideView }) {
  const [pair, setPair] = useState(() => firstPair(guide));
  const [from, to] = pair;
  const numbers = guide.versions.map((v) => v.number).sort((a, b) => a - b);
  const textOf = (n: number) => guide.versions.find((v) => v.number === n)?.guide;
  const before = textOf(from);
  const after = textOf(to);
  const differences =
    before && after ? versionDifferences(before, after).map((d) => differenceInWords(d, G)) : [];
  const id = `compare-${guide.guideId}`;

  return (
    <details class="version-comparison">
      <summary>{G.compare}</summary>
      <div class="version-choices">
        <VersionChoice
          id={`${id}-from`}
          label={G.compareFrom}
          numbers={numbers}
          value={from}
          onChange={(n) => setPair([n, to])}
        />
        <VersionChoice
          id={`${id}-to`}
          label={G.compareTo}
          numbers={numbers}
          value={to}
          onChange={(n) => setPair([from, n])}
        />
      </div>
      <h4 id={`${id}-heading`}>{G.differencesOf(from, to)}</h4>
      <p class="difference-count" aria-live="polite">
        {G.differenceCount(differences.length)}
      </p>
      {differences.length > 0 && (
        <ol class="differences" aria-labelledby={`${id}-heading`}>
          {differences.map((d, i) => (
            <li key={i}>
              <p class="difference-what">{d.what}</p>
              {(d.before !== undefined || d.after !== undefined) && (
                <dl class="difference-values">
                  {d.before !== undefined && (
                    <>
                      <dt>{G.before}</dt>
                      <dd class="before">{d.before}</dd>
                    </>
                  )}
                  {d.after !== undefined && (
                    <>
                      <dt>{G.after}</dt>
                      <dd class="after">{d.after}</dd>
                    </>
                  )}
                </dl>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
