/**
 * Opens a guide this browser has (built in, the organisation's, or imported) as the draft of its
 * next version. Replacing a draft that has steps asks first.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Guide } from '../../core/guide/schema';
import type { OpenableGuide } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { T } from './panelText';

export function OpenGuide({
  crm,
  hasWork,
  onOpen,
}: {
  crm: string;
  /** The draft has steps or rules that opening would replace. */
  hasWork: boolean;
  onOpen: (guide: Guide) => void;
}) {
  const [guides, setGuides] = useState<OpenableGuide[]>([]);
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    void callBackground('author:guides', {})
      .then((all) => setGuides(all.filter((g) => g.crm === crm)))
      .catch(() => setProblem(T.openFailed));
  }, [crm]);

  const open = async () => {
    setConfirming(false);
    const guide = await callBackground('author:guide', { id: chosen }).catch(() => null);
    if (!guide) return setProblem(T.openFailed);
    setProblem('');
    onOpen(guide);
  };

  if (guides.length === 0) return null;
  return (
    <div class="wm-author-open">
      <div class="wm-author-grid">
        <label for="wm-open-guide">{T.openGuide}</label>
        <span class="wm-author-row">
          <select
            id="wm-open-guide"
            value={chosen}
            onChange={(e) => {
              setChosen(e.currentTarget.value);
              setConfirming(false);
            }}
          >
            <option value="">{T.chooseGuide}</option>
            {guides.map((g) => (
              <option key={g.id} value={g.id}>
                {T.openable(g.title, g.version, T.source[g.source])}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!chosen}
            onClick={() => (hasWork ? setConfirming(true) : void open())}
          >
            {T.open}
          </button>
        </span>
      </div>
      {confirming && (
        <p class="wm-author-note" role="alert">
          {T.replaceDraft}{' '}
          <button type="button" onClick={() => void open()}>
            {T.replace}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {T.keepWriting}
          </button>
        </p>
      )}
      {problem && (
        <p class="wm-author-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
