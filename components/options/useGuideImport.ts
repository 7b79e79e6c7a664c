/**
 * The import of guide files a trainer wrote, pasted or chosen: checked here for quick feedback,
 * then sent, as the background checks again and stores.
 */
import { useState } from 'preact/hooks';
import {
  checkImportedTexts,
  IMPORT_LIMITS,
  PASTED_TEXT,
  tooLargeProblem,
  type ImportText,
} from '../../core/guide/importGuides';
import { formatProblem, type GuideProblem } from '../../core/guide/problems';
import type { GuideImportResult } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { TEXT } from '../pageText';
import { reason } from './reason';
import type { GuideLibraryState } from './useGuideLibrary';

const T = TEXT.library;

/** What the last failed import was about: the sentences, and which control they concern. */
export interface ImportFailure {
  lines: string[];
  from: 'paste' | 'files';
}

function importedText(result: GuideImportResult): string {
  const parts = result.imported.map((g) =>
    !g.replaced
      ? T.importedGuide(g.title, g.version)
      : g.replaced.source === 'bundled'
        ? T.importedReplacingBuiltIn(g.title, g.version, g.replaced.version)
        : T.importedReplacing(g.title, g.version, g.replaced.version),
  );
  return T.imported(parts.join(', '));
}

export function useGuideImport({ setStatus, setBusy, setLoadError, load }: GuideLibraryState) {
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const fail = (lines: string[], from: ImportFailure['from']) => setFailure({ lines, from });

  const submit = async (
    files: ImportText[],
    from: ImportFailure['from'],
    oversized: string[] = [],
  ) => {
    setStatus('');
    setFailure(null);
    const local = checkImportedTexts(files);
    const problems: GuideProblem[] = [...oversized.map(tooLargeProblem), ...local.problems];
    if (problems.length > 0) {
      fail(problems.map(formatProblem), from);
      return false;
    }
    setBusy(true);
    try {
      const result = await callBackground('guides:import', { files });
      if (result.problems.length > 0) {
        fail(result.problems.map(formatProblem), from);
        return false;
      }
      setStatus(importedText(result));
    } catch (e) {
      fail([T.importFailed(reason(e))], from);
      return false;
    } finally {
      setBusy(false);
    }
    try {
      await load();
    } catch (e) {
      setLoadError(T.refreshFailed(reason(e)));
    }
    return true;
  };

  const importPasted = async () => {
    if (await submit([{ name: PASTED_TEXT, text }], 'paste')) setText('');
  };

  const importFiles = async (input: HTMLInputElement) => {
    const chosen = Array.from(input.files ?? []);
    // Whatever comes of these, the same files can be chosen again (after they were fixed).
    input.value = '';
    if (chosen.length === 0) return;
    if (chosen.length > IMPORT_LIMITS.files) {
      setStatus('');
      fail([T.tooManyFiles(IMPORT_LIMITS.files)], 'files');
      return;
    }
    const oversized = chosen.filter((f) => f.size > IMPORT_LIMITS.chars).map((f) => f.name);
    let files: ImportText[];
    try {
      files = await Promise.all(
        chosen
          .filter((f) => f.size <= IMPORT_LIMITS.chars)
          .map(async (f) => ({ name: f.name.slice(0, IMPORT_LIMITS.name), text: await f.text() })),
      );
    } catch (e) {
      fail([T.filesUnreadable(reason(e))], 'files');
      return;
    }
    await submit(files, 'files', oversized);
  };

  return {
    text,
    setText,
    failure,
    clearFailure: () => setFailure(null),
    importPasted,
    importFiles,
  };
}
