/**
 * Publishing the guide to the organisation from the panel: as a draft, seen by nobody until it is
 * promoted, or as a pilot to part of the team. The background holds the trainer token and sends
 * it; the endpoint checks the guide again and says why when it refuses.
 */
import { useState } from 'preact/hooks';
import { describeIssues } from '../../core/guide/problems';
import { rolloutSchema } from '../../core/guide/schema';
import type { GuideIssue } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { rolloutJson, type DraftRollout } from './draft';
import { T } from './panelText';
import type { GuideFile } from './useGuideFile';

export type PublishState = 'draft' | 'pilot';

const HALF: DraftRollout = { limited: true, cohorts: '', percent: 50, from: '', until: '' };

export function usePublish(file: GuideFile, announce: (message: string) => void) {
  const [state, setState] = useState<PublishState>('draft');
  const [pilot, setPilot] = useState<DraftRollout>(HALF);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; problems: GuideIssue[] }>();

  const publish = async () => {
    const guide = file.validated();
    if (!guide) return;
    let rollout;
    if (state === 'pilot') {
      const parsed = rolloutSchema.safeParse(rolloutJson(pilot));
      if (!parsed.success) {
        const problems = describeIssues('', parsed.error.issues).map(({ path, message }) => ({
          path: `pilot${path ? `.${path}` : ''}`,
          message,
        }));
        setOutcome({ ok: false, text: T.pilotProblems, problems });
        return;
      }
      rollout = parsed.data;
    }
    setBusy(true);
    try {
      const result = await callBackground('author:publish', { guide, state, rollout });
      const text = !result.ok
        ? result.error
        : result.state === 'draft'
          ? T.publishedDraft(result.version)
          : T.publishedPilot(result.version, rollout?.percent ?? 100);
      setOutcome({ ok: result.ok, text, problems: result.ok ? [] : result.problems });
      // A refusal is an alert of its own (PublishGuide); a success is said in the panel's status.
      if (result.ok) announce(text);
    } catch {
      setOutcome({ ok: false, text: T.publishFailed, problems: [] });
    } finally {
      setBusy(false);
    }
  };

  return { state, setState, pilot, setPilot, busy, outcome, publish };
}

export type Publish = ReturnType<typeof usePublish>;
