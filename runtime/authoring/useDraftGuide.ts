/**
 * The guide the trainer is writing, and the panel's changes to it: its name and id, the roles it
 * is for, and its steps, whose saving, moving and deleting is announced.
 */
import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../platform/channel';
import { slugOf, stepIdFor, type Draft, type DraftStep } from './draft';
import { T } from './panelText';

export type DraftGuide = ReturnType<typeof useDraftGuide>;

export function useDraftGuide(initial: Draft, announce: (message: string) => void) {
  const [draft, setDraft] = useState(initial);
  const [idTouched, setIdTouched] = useState(initial.id !== '');

  // Saved as it changes, so moving to another page of the CRM loses nothing.
  useEffect(() => {
    const timer = setTimeout(() => void callBackground('author:save', { draft }), 250);
    return () => clearTimeout(timer);
  }, [draft]);

  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  return {
    draft,
    setTitle: (title: string) => update(idTouched ? { title } : { title, id: slugOf(title) }),
    setId: (id: string) => {
      setIdTouched(true);
      update({ id });
    },
    chooseRole: (role: string, chosen: boolean) =>
      update({ roles: chosen ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) }),
    /** Puts a written step at `index`, or after the others for -1, under an id of its own. */
    putStep: (step: DraftStep, index: number) => {
      const saved: DraftStep = {
        ...step,
        id: stepIdFor(draft, step.title || step.body, index < 0 ? undefined : draft.steps[index]),
      };
      const steps = [...draft.steps];
      if (index < 0) steps.push(saved);
      else steps[index] = saved;
      update({ steps });
      announce(T.stepSaved(index < 0 ? steps.length : index + 1));
    },
    moveStep: (index: number, by: -1 | 1) => {
      const steps = [...draft.steps];
      const [step] = steps.splice(index, 1);
      if (!step) return;
      steps.splice(index + by, 0, step);
      update({ steps });
      announce(T.stepMoved(index + by + 1));
    },
    removeStep: (index: number) => {
      update({ steps: draft.steps.filter((_, i) => i !== index) });
      announce(T.stepDeleted(index + 1));
    },
    startOver: (page: string) => {
      update({ id: '', title: '', steps: [], page });
      setIdTouched(false);
      announce(T.startedNew);
    },
  };
}
