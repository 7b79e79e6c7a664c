/**
 * The guide file the draft becomes: the problems that keep it from passing the guide schema (or
 * keep a step from being saved), and its download.
 */
import { useState } from 'preact/hooks';
import { canonicalGuideText, describeIssues } from '../../core/guide/problems';
import { guideSchema } from '../../core/guide/schema';
import type { GuideIssue } from '../../core/messages';
import { downloadBlob } from '../../platform/download';
import { guideOf, type Draft } from './draft';
import { T } from './panelText';

export type GuideFile = ReturnType<typeof useGuideFile>;

export function useGuideFile(draft: Draft, announce: (message: string) => void) {
  const [problems, setProblems] = useState<GuideIssue[]>([]);

  /** The guide file, or null with its problems shown. */
  const validated = (): Record<string, unknown> | null => {
    const guide = guideOf(draft);
    const result = guideSchema.safeParse(guide);
    if (result.success) {
      setProblems([]);
      return guide;
    }
    setProblems(
      describeIssues('', result.error.issues).map(({ path, message }) => ({ path, message })),
    );
    return null;
  };

  const download = () => {
    const guide = validated();
    if (!guide) return;
    downloadBlob(
      new Blob([canonicalGuideText(guide)], { type: 'application/json' }),
      `${draft.id}.json`,
    );
    announce(T.downloaded(`${draft.id}.json`));
  };

  return { problems, report: setProblems, validated, download };
}
