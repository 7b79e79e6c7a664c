/**
 * The preview: the draft run as a real walkthrough on this page, while the panel shrinks to a bar
 * that leads back to editing.
 */
import { useState } from 'preact/hooks';
import { callBackground } from '../../platform/channel';
import { T } from './panelText';
import type { GuideFile } from './useGuideFile';

/** Stops the walkthrough of a preview, if one runs. */
export function endPreview(): void {
  void callBackground('author:preview', { guide: null });
}

export function usePreview(file: GuideFile, announce: (message: string) => void) {
  const [previewing, setPreviewing] = useState(false);

  const preview = async () => {
    const guide = file.validated();
    if (!guide) return;
    const result = await callBackground('author:preview', { guide });
    if (!result.ok) {
      file.report(result.problems);
      return;
    }
    setPreviewing(true);
    announce(T.previewing);
  };

  return {
    previewing,
    preview,
    backToEditing: () => {
      setPreviewing(false);
      endPreview();
    },
  };
}
