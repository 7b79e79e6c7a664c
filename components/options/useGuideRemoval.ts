/** The imported guide the user is asked about removing, its removal, and where focus goes after. */
import { useRef, useState } from 'preact/hooks';
import type { LibraryGuide } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { TEXT } from '../pageText';
import { reason } from './reason';
import type { GuideLibraryState } from './useGuideLibrary';

const T = TEXT.library;

/** `clearProblems` takes away the import's problems, which no longer concern what the user does. */
export function useGuideRemoval(
  { setStatus, setBusy, setLoadError, load }: GuideLibraryState,
  clearProblems: () => void,
) {
  const [removing, setRemoving] = useState<LibraryGuide | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes when the remove dialog closes: its button, or the list if that is gone. */
  const returnFocus = useRef<HTMLElement | null>(null);

  const open = (guide: LibraryGuide, opener: HTMLElement) => {
    setStatus('');
    clearProblems();
    returnFocus.current = opener;
    setRemoving(guide);
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    try {
      const result = await callBackground('guides:remove', { id: removing.id });
      const restored = !result.restored
        ? ''
        : result.restoredFrom === 'remote'
          ? ` ${T.restoredRemote(result.restored)}`
          : ` ${T.restoredBuiltIn(result.restored)}`;
      setStatus(
        result.removed ? `${T.removed(removing.title)}${restored}` : T.alreadyGone(removing.title),
      );
      // Its row (and button) is about to go: focus goes to the list.
      returnFocus.current = listHeading.current;
      await load();
    } catch (e) {
      setLoadError(T.removeFailed(reason(e)));
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  return {
    removing,
    open,
    close: () => setRemoving(null),
    remove,
    listHeading,
    returnFocus,
  };
}
