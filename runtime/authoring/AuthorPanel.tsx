/**
 * The trainer's authoring panel, shown on the live CRM page: name the guide, add steps by
 * pointing at elements, reorder and delete them, preview the walkthrough for real, and download
 * a guide file that passes `npm run guides:check`. Everything is plain form controls, so it
 * works from the keyboard and with a screen reader.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { anchorAttributeSelector } from '../../core/adapters/ids';
import { describeIssues, canonicalGuideText } from '../../core/guide/problems';
import { authorMessages } from '../../core/i18n/inPage';
import { browserLanguage } from '../../core/i18n/locales';
import { ADVANCE_ON, guideSchema, PLACEMENTS, type Target } from '../../core/guide/schema';
import type { AuthorContext, GuideIssue } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { outlineOf, startPicker } from './picker';
import {
  checkProposal,
  meaningfulElement,
  proposeTarget,
  type ProposalCheck,
} from './proposeTarget';
import { downloadBlob } from '../../platform/download';
import {
  DRAFT_STEP_KINDS,
  guideOf,
  needsTarget,
  slugOf,
  stepIdFor,
  type Draft,
  type DraftStep,
} from './draft';

/** The panel's words, in the browser's language (the layer's `lang` says the same). */
const T = authorMessages(browserLanguage());

const STRATEGY_TEXT: Record<string, string> = T.strategy;
const ADVANCE_TEXT: Record<(typeof ADVANCE_ON)[number], string> = T.advance;

interface Editing {
  step: DraftStep;
  /** Index in the draft, or -1 for a new step. */
  index: number;
  /** The whole proposal for the picked element; `step.target` is the chosen part of it. */
  proposal: Target | null;
  picked: Element | null;
  check: ProposalCheck | null;
}

function chosenTarget(proposal: Target, use: Set<string>): Target {
  const target: Target = {};
  if (use.has('anchor') && proposal.anchor) target.anchor = proposal.anchor;
  if (use.has('testId') && proposal.testId) target.testId = proposal.testId;
  if (use.has('role') && proposal.role) {
    target.role = proposal.role;
    if (proposal.name) target.name = proposal.name;
  }
  if (use.has('label') && proposal.label) target.label = proposal.label;
  if (use.has('text') && proposal.text) target.text = proposal.text;
  if (use.has('css') && proposal.css) target.css = proposal.css;
  if (proposal.frame) target.frame = proposal.frame;
  return target;
}

function strategiesOf(target: Target | undefined): Set<string> {
  const use = new Set<string>();
  if (!target) return use;
  for (const key of ['anchor', 'testId', 'role', 'label', 'text', 'css'] as const) {
    if (target[key]) use.add(key);
  }
  return use;
}

function Problems({ problems }: { problems: GuideIssue[] }) {
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

export function AuthorPanel({
  context,
  initial,
  doc,
  onClose,
}: {
  context: AuthorContext;
  initial: Draft;
  doc: Document;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [idTouched, setIdTouched] = useState(initial.id !== '');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [picking, setPicking] = useState(false);
  const [outline, setOutline] = useState<ReturnType<typeof outlineOf> | null>(null);
  const [problems, setProblems] = useState<GuideIssue[]>([]);
  const [status, setStatus] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const pickButton = useRef<HTMLButtonElement>(null);
  const anchorSelector = (anchor: string) =>
    anchorAttributeSelector(context.anchorAttributes, anchor);

  useEffect(() => heading.current?.focus(), []);

  // Saved as it changes, so moving to another page of the CRM loses nothing.
  useEffect(() => {
    const timer = setTimeout(() => void callBackground('author:save', { draft }), 250);
    return () => clearTimeout(timer);
  }, [draft]);

  useEffect(() => {
    if (!picking) return;
    const control = new AbortController();
    startPicker(
      doc,
      (el) => meaningfulElement(el, context.anchorAttributes),
      {
        onHover: (el) => setOutline(el ? outlineOf(el) : null),
        onPick: (el) => {
          setPicking(false);
          setOutline(null);
          const proposal = proposeTarget(el, context.anchorAttributes, doc);
          setEditing((e) =>
            e
              ? {
                  ...e,
                  proposal,
                  picked: el,
                  step: { ...e.step, target: proposal },
                  check: checkProposal(proposal, el, anchorSelector, doc),
                }
              : e,
          );
          setStatus(T.picked);
          setTimeout(() => pickButton.current?.focus());
        },
        onCancel: () => {
          setPicking(false);
          setOutline(null);
          setStatus(T.pickCancelled);
          setTimeout(() => pickButton.current?.focus());
        },
      },
      control.signal,
    );
    return () => control.abort();
  }, [picking]);

  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const updateStep = (change: Partial<DraftStep>) =>
    setEditing((e) => (e ? { ...e, step: { ...e.step, ...change } } : e));

  const newStep = () => {
    setProblems([]);
    setEditing({
      index: -1,
      proposal: null,
      picked: null,
      check: null,
      step: {
        id: '',
        kind: 'tooltip',
        title: '',
        body: '',
        placement: 'auto',
        advance: 'next',
        page: context.pageType,
      },
    });
  };

  const saveStep = () => {
    if (!editing) return;
    const { step, index } = editing;
    const problem =
      needsTarget(step.kind) && !step.target
        ? T.needsTarget
        : !step.title.trim() && !step.body.trim()
          ? T.needsText
          : null;
    if (problem) {
      setProblems([{ path: `steps[${index < 0 ? draft.steps.length : index}]`, message: problem }]);
      return;
    }
    const saved: DraftStep = {
      ...step,
      id: stepIdFor(draft, step.title || step.body, index < 0 ? undefined : draft.steps[index]),
    };
    const steps = [...draft.steps];
    if (index < 0) steps.push(saved);
    else steps[index] = saved;
    update({ steps });
    setEditing(null);
    setProblems([]);
    setStatus(T.stepSaved(index < 0 ? steps.length : index + 1));
  };

  const move = (index: number, by: -1 | 1) => {
    const steps = [...draft.steps];
    const [step] = steps.splice(index, 1);
    if (!step) return;
    steps.splice(index + by, 0, step);
    update({ steps });
    setStatus(T.stepMoved(index + by + 1));
  };

  const remove = (index: number) => {
    update({ steps: draft.steps.filter((_, i) => i !== index) });
    setStatus(T.stepDeleted(index + 1));
  };

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

  const preview = async () => {
    const guide = validated();
    if (!guide) return;
    const result = await callBackground('author:preview', { guide });
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setPreviewing(true);
    setStatus(T.previewing);
  };

  const download = () => {
    const guide = validated();
    if (!guide) return;
    downloadBlob(
      new Blob([canonicalGuideText(guide)], { type: 'application/json' }),
      `${draft.id}.json`,
    );
    setStatus(T.downloaded(`${draft.id}.json`));
  };

  if (picking) {
    return (
      <>
        {outline && (
          <div
            class="wm-pick-outline"
            style={{
              left: `${outline.left}px`,
              top: `${outline.top}px`,
              width: `${outline.width}px`,
              height: `${outline.height}px`,
            }}
          />
        )}
        <div class="wm-author wm-author-bar" role="status">
          {T.pickHelp}
        </div>
      </>
    );
  }

  if (previewing) {
    return (
      <div class="wm-author wm-author-bar">
        <span>{T.previewingTitle(draft.title)}</span>
        <button
          type="button"
          class="wm-primary"
          onClick={() => {
            setPreviewing(false);
            void callBackground('author:preview', { guide: null });
          }}
        >
          {T.backToEditing}
        </button>
      </div>
    );
  }

  const use = strategiesOf(editing?.step.target);
  return (
    <section class="wm-author" aria-labelledby="wm-author-title">
      <div class="wm-head">
        <h2 id="wm-author-title" class="wm-title" tabIndex={-1} ref={heading}>
          {T.title}
        </h2>
        <button
          type="button"
          class="wm-close"
          aria-label={T.close}
          onClick={() => {
            void callBackground('author:preview', { guide: null });
            onClose();
          }}
        >
          ×
        </button>
      </div>
      <div class="wm-author-grid">
        <label for="wm-guide-title">{T.guideTitle}</label>
        <input
          id="wm-guide-title"
          value={draft.title}
          onInput={(e) => {
            const title = e.currentTarget.value;
            update(idTouched ? { title } : { title, id: slugOf(title) });
          }}
        />
        <label for="wm-guide-id">{T.guideId}</label>
        <input
          id="wm-guide-id"
          value={draft.id}
          onInput={(e) => {
            setIdTouched(true);
            update({ id: e.currentTarget.value });
          }}
        />
      </div>
      <fieldset class="wm-author-roles">
        <legend>{T.forRoles}</legend>
        {context.roles.map((role) => (
          <label key={role.id}>
            <input
              type="checkbox"
              checked={draft.roles.includes(role.id)}
              onChange={(e) =>
                update({
                  roles: e.currentTarget.checked
                    ? [...draft.roles, role.id]
                    : draft.roles.filter((r) => r !== role.id),
                })
              }
            />{' '}
            {role.label}
          </label>
        ))}
      </fieldset>
      <p class="wm-author-note">
        {T.startsOn} <code>{draft.page}</code>
        {context.pageType !== draft.page && (
          <>
            {T.youAreOn} <code>{context.pageType}</code>
          </>
        )}
      </p>

      <h3>{T.steps}</h3>
      {draft.steps.length === 0 ? (
        <p class="wm-author-note">{T.noSteps}</p>
      ) : (
        <ol class="wm-author-steps" aria-label={T.steps}>
          {draft.steps.map((step, i) => {
            const name = step.title || step.body.slice(0, 40) || step.id;
            return (
              <li key={step.id}>
                <span class="wm-author-step">
                  {step.kind}: {name}
                </span>
                <span class="wm-author-actions">
                  <button
                    type="button"
                    disabled={i === 0}
                    aria-label={T.moveUp(i + 1)}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={i === draft.steps.length - 1}
                    aria-label={T.moveDown(i + 1)}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={T.editStep(i + 1)}
                    onClick={() =>
                      setEditing({
                        index: i,
                        step,
                        proposal: step.target ?? null,
                        picked: null,
                        check: null,
                      })
                    }
                  >
                    {T.edit}
                  </button>
                  <button type="button" aria-label={T.deleteStep(i + 1)} onClick={() => remove(i)}>
                    {T.delete}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}

      {editing ? (
        <fieldset class="wm-author-editor">
          <legend>{editing.index < 0 ? T.newStep : T.step(editing.index + 1)}</legend>
          <div class="wm-author-grid">
            <label for="wm-step-kind">{T.kind}</label>
            <select
              id="wm-step-kind"
              value={editing.step.kind}
              onChange={(e) => updateStep({ kind: e.currentTarget.value as DraftStep['kind'] })}
            >
              {DRAFT_STEP_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
          </div>
          {needsTarget(editing.step.kind) && (
            <div class="wm-author-target">
              <button type="button" ref={pickButton} onClick={() => setPicking(true)}>
                {editing.step.target ? T.pickAgain : T.pick}
              </button>
              {editing.proposal && (
                <table class="wm-author-strategies">
                  <caption>{editing.check ? T.waysToFindChecked : T.waysToFind}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{T.use}</th>
                      <th scope="col">{T.strategyHeading}</th>
                      {editing.check && <th scope="col">{T.matches}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {(['anchor', 'testId', 'role', 'label', 'text', 'css'] as const)
                      .filter((key) => editing.proposal?.[key])
                      .map((key) => {
                        const found = editing.check?.strategies.find((s) => s.strategy === key);
                        const value =
                          key === 'role'
                            ? `${editing.proposal?.role ?? ''} “${editing.proposal?.name ?? ''}”`
                            : String(editing.proposal?.[key]);
                        return (
                          <tr key={key} data-strategy={key}>
                            <td>
                              <input
                                type="checkbox"
                                aria-label={T.useStrategy(STRATEGY_TEXT[key] ?? key)}
                                checked={use.has(key)}
                                onChange={(e) => {
                                  const next = new Set(use);
                                  if (e.currentTarget.checked) next.add(key);
                                  else next.delete(key);
                                  const target = chosenTarget(editing.proposal as Target, next);
                                  setEditing({
                                    ...editing,
                                    step: {
                                      ...editing.step,
                                      target: next.size > 0 ? target : undefined,
                                    },
                                    check:
                                      editing.picked && next.size > 0
                                        ? checkProposal(target, editing.picked, anchorSelector, doc)
                                        : editing.check,
                                  });
                                }}
                              />
                            </td>
                            <td>
                              {STRATEGY_TEXT[key]} <code>{value}</code>
                            </td>
                            {editing.check && (
                              <td data-matches={found?.matches ?? 0}>
                                {found
                                  ? found.findsPicked
                                    ? String(found.matches)
                                    : T.matchesElsewhere(found.matches)
                                  : ''}
                              </td>
                            )}
                          </tr>
                        );
                      })}
                  </tbody>
                </table>
              )}
              {editing.check && (
                <p class="wm-author-note" role="status">
                  {editing.check.resolvesToPicked
                    ? T.findsPicked(editing.check.report.candidates)
                    : T.missesPicked}
                </p>
              )}
            </div>
          )}
          <div class="wm-author-grid">
            <label for="wm-step-title">{T.stepTitle}</label>
            <input
              id="wm-step-title"
              value={editing.step.title}
              onInput={(e) => updateStep({ title: e.currentTarget.value })}
            />
            <label for="wm-step-body">{T.stepText}</label>
            <textarea
              id="wm-step-body"
              rows={3}
              value={editing.step.body}
              onInput={(e) => updateStep({ body: e.currentTarget.value })}
            />
            {needsTarget(editing.step.kind) && (
              <>
                <label for="wm-step-placement">{T.placement}</label>
                <select
                  id="wm-step-placement"
                  value={editing.step.placement}
                  onChange={(e) =>
                    updateStep({ placement: e.currentTarget.value as DraftStep['placement'] })
                  }
                >
                  {PLACEMENTS.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </>
            )}
            <label for="wm-step-advance">{T.doneWhen}</label>
            <select
              id="wm-step-advance"
              value={editing.step.advance}
              onChange={(e) =>
                updateStep({ advance: e.currentTarget.value as DraftStep['advance'] })
              }
            >
              {ADVANCE_ON.map((on) => (
                <option key={on} value={on}>
                  {ADVANCE_TEXT[on]}
                </option>
              ))}
            </select>
          </div>
          <div class="wm-foot">
            <button type="button" class="wm-primary" onClick={saveStep}>
              {T.saveStep}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {T.cancel}
            </button>
          </div>
        </fieldset>
      ) : (
        <button type="button" onClick={newStep}>
          {T.addStep}
        </button>
      )}

      <Problems problems={problems} />
      <div class="wm-foot wm-author-foot">
        <button type="button" class="wm-primary" onClick={() => void preview()}>
          {T.preview}
        </button>
        <button type="button" onClick={download}>
          {T.download}
        </button>
        <button
          type="button"
          onClick={() => {
            update({ id: '', title: '', steps: [], page: context.pageType });
            setIdTouched(false);
            setEditing(null);
            setStatus(T.startedNew);
          }}
        >
          {T.startOver}
        </button>
      </div>
      <p class="wm-status" role="status">
        {status}
      </p>
    </section>
  );
}
