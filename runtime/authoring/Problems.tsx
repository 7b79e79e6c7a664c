/** What the trainer must fix before the step is saved or the guide previewed or downloaded. */
import type { GuideIssue } from '../../core/messages';
import { T } from './panelText';

export function Problems({ problems }: { problems: GuideIssue[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="wm-author-problems" role="alert">
      <p>{T.fixFirst}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}${p.message}`}>
            <code>{p.path || T.wholeGuide}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
