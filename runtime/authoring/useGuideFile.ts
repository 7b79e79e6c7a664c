/**
 * The guide file the draft becomes, checked as `guides:check` checks a file on every change, so
 * the trainer sees what to fix while typing; the problems that keep a step or rule from being
 * saved; and the download.
 */
import { useMemo, useState } from 'preact/hooks';
import { checkGuideFiles } from '../../core/guide/checkGuides';
import { canonicalGuideText } from '../../core/guide/problems';
import type { GuideIssue } from '../../core/messages';
import { downloadBlob } from '../../platform/download';
import { guideOf, type Draft } from './draft';
import { T } from './panelText';

export type GuideFile = ReturnType<typeof useGuideFile>;

/** The draft's guide, or what keeps it from passing the guide check. */
export function checkDraft(draft: Draft): {
  guide: Record<string, unknown> | null;
  problems: GuideIssue[];
} {
  const guide = guideOf(draft);
  // Named after its id and written canonically here, so only the guide itself is checked.
  const { problems } = checkGuideFiles(
    [{ file: `${draft.id || 'guide'}.json`, text: canonicalGuideText(guide) }],
    { fileConventions: false },
  );
  return problems.length > 0
    ? { guide: null, problems: problems.map(({ path, message }) => ({ path, message })) }
    : { guide, problems: [] };
}

export function useGuideFile(draft: Draft, announce: (message: string) => void) {
  const check = useMemo(() => checkDraft(draft), [draft]);
  /** What kept a step, rule or preview from going ahead, beside the live check. */
  const [reported, report] = useState<GuideIssue[]>([]);
  /** Moves focus to the check when an action needs a guide that does not pass it yet. */
  const [asked, setAsked] = useState(0);

  /** The guide file, or null with the check's problems brought to the trainer's attention. */
  const validated = (): Record<string, unknown> | null => {
    if (!check.guide) {
      setAsked((n) => n + 1);
      announce(T.fixCount(check.problems.length));
    }
    return check.guide;
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

  return { problems: check.problems, asked, reported, report, validated, download };
}
