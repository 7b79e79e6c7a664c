/**
 * The guide the trainer is writing, and the panel's changes to it: its name and id, the roles it
 * is for, its settings and languages, its steps and field rules, whose saving, moving and
 * deleting is announced; or another guide opened in its place.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Guide } from '../../core/guide/schema';
import { callBackground } from '../../platform/channel';
import {
  draftOf,
  slugOf,
  stepIdFor,
  type Draft,
  type DraftFieldRule,
  type DraftStep,
} from './draft';
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
    update,
    setTitle: (title: string) => update(idTouched ? { title } : { title, id: slugOf(title) }),
    setId: (id: string) => {
      setIdTouched(true);
      update({ id });
    },
    chooseRole: (role: string, chosen: boolean) =>
      update({ roles: chosen ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) }),
    /**
     * Puts a written step at `index`, or after the others for -1. A new step gets an id of its
     * own; a changed one keeps its id, under which its usage is counted across versions.
     */
    putStep: (step: DraftStep, index: number) => {
      const kept = index >= 0 ? draft.steps[index] : undefined;
      const saved: DraftStep = {
        ...step,
        id: kept?.id || stepIdFor(draft, step.title || step.body, kept),
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
      update({ id: '', title: '', steps: [], fields: [], pages: page });
      setIdTouched(false);
      announce(T.startedNew);
    },
    /** A guide the browser has, as the draft of its next version. */
    open: (guide: Guide) => {
      setDraft(draftOf(guide));
      setIdTouched(true);
      announce(T.opened(guide.title, guide.version + 1));
    },
    /** A language goes, with its texts in the guide and every step. */
    removeLanguage: (tag: string) => {
      const without = <V>(texts: Record<string, V>) =>
        Object.fromEntries(Object.entries(texts).filter(([t]) => t !== tag));
      update({
        languages: draft.languages.filter((t) => t !== tag),
        locales: without(draft.locales),
        steps: draft.steps.map((step) => ({ ...step, locales: without(step.locales) })),
      });
    },
    /** Puts a field rule at `index`, or after the others for -1. */
    putFieldRule: (rule: DraftFieldRule, index: number) => {
      const fields = [...draft.fields];
      if (index < 0) fields.push(rule);
      else fields[index] = rule;
      update({ fields });
      announce(T.ruleSaved(index < 0 ? fields.length : index + 1));
    },
    removeFieldRule: (index: number) => {
      update({ fields: draft.fields.filter((_, i) => i !== index) });
      announce(T.ruleDeleted(index + 1));
    },
  };
}
