/**
 * What keeps the guide from passing the guide check, kept up to date while the trainer types; and
 * what kept a step or rule from being saved.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { GuideIssue } from '../../core/messages';
import { T } from './panelText';

function IssueList({ problems }: { problems: GuideIssue[] }) {
  return (
    <ul>
      {problems.map((p) => (
        <li key={`${p.path}${p.message}`}>
          <code>{p.path || T.wholeGuide}</code>: {p.message}
        </li>
      ))}
    </ul>
  );
}

/** Problems an action just met: said at once. */
export function Problems({ problems }: { problems: GuideIssue[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="wm-author-problems" role="alert">
      <p>{T.fixFirst}</p>
      <IssueList problems={problems} />
    </div>
  );
}

/**
 * The live check. Not a live region: it changes with every key; focus moves here when an action
 * needs a guide that does not pass yet (`asked` counts those times).
 */
export function GuideCheck({ problems, asked }: { problems: GuideIssue[]; asked: number }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (asked > 0) heading.current?.focus();
  }, [asked]);
  return (
    <section class="wm-author-check-result" aria-labelledby="wm-guide-check">
      <h3 id="wm-guide-check" tabIndex={-1} ref={heading}>
        {problems.length === 0 ? T.checkPasses : T.fixCount(problems.length)}
      </h3>
      {problems.length > 0 && (
        <div class="wm-author-problems">
          <IssueList problems={problems} />
        </div>
      )}
    </section>
  );
}
