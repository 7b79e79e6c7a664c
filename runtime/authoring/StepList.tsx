/** The guide's steps in order, each with buttons to move, edit and delete it. */
import type { DraftStep } from './draft';
import { T } from './panelText';

export function StepList({
  steps,
  onMove,
  onEdit,
  onDelete,
}: {
  steps: DraftStep[];
  onMove: (index: number, by: -1 | 1) => void;
  onEdit: (index: number, step: DraftStep) => void;
  onDelete: (index: number) => void;
}) {
  return (
    <>
      <h3>{T.steps}</h3>
      {steps.length === 0 ? (
        <p class="wm-author-note">{T.noSteps}</p>
      ) : (
        <ol class="wm-author-steps" aria-label={T.steps}>
          {steps.map((step, i) => {
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
                    onClick={() => onMove(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={i === steps.length - 1}
                    aria-label={T.moveDown(i + 1)}
                    onClick={() => onMove(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={T.editStep(i + 1)}
                    onClick={() => onEdit(i, step)}
                  >
                    {T.edit}
                  </button>
                  <button
                    type="button"
                    aria-label={T.deleteStep(i + 1)}
                    onClick={() => onDelete(i)}
                  >
                    {T.delete}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
