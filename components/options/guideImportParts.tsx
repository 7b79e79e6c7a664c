/** The guide import's parts: its controls (choose files, or paste) and the problems it found. */
import { useEffect, useRef } from 'preact/hooks';
import { TEXT, withParts } from '../pageText';
import type { ImportFailure } from './useGuideImport';

const T = TEXT.library;

/**
 * The import's heading and rules, the file chooser and the box to paste into; the control the
 * last failure concerns is marked invalid and described by its problems.
 */
export function ImportControls({
  text,
  failedFrom,
  busy,
  onText,
  onFiles,
  onPaste,
}: {
  text: string;
  failedFrom: ImportFailure['from'] | undefined;
  busy: boolean;
  onText: (text: string) => void;
  onFiles: (input: HTMLInputElement) => void;
  onPaste: () => void;
}) {
  const pastedInvalid = failedFrom === 'paste';
  const filesInvalid = failedFrom === 'files';
  return (
    <>
      <h2 id="import-heading">{T.importHeading}</h2>
      <p id="import-rules" class="intro">
        {withParts(T.importRules, {
          command: <code>npm run guides:check</code>,
          version: <code>version</code>,
        })}
      </p>
      <div class="import-files">
        <label for="guide-files">{T.files}</label>
        <input
          id="guide-files"
          type="file"
          accept=".json,application/json"
          multiple
          disabled={busy}
          aria-describedby={filesInvalid ? 'import-problems' : 'import-rules'}
          aria-invalid={filesInvalid ? 'true' : undefined}
          onChange={(e) => onFiles(e.currentTarget as HTMLInputElement)}
        />
      </div>
      <form
        class="import-paste"
        onSubmit={(e) => {
          e.preventDefault();
          onPaste();
        }}
      >
        <label for="guide-text">{T.paste}</label>
        <textarea
          id="guide-text"
          rows={10}
          spellcheck={false}
          value={text}
          aria-describedby={pastedInvalid ? 'import-problems' : 'import-rules'}
          aria-invalid={pastedInvalid ? 'true' : undefined}
          onInput={(e) => onText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {T.import}
          </button>
        </div>
      </form>
    </>
  );
}

/** The last failed import's problems, as `npm run guides:check` words them. */
export function ImportProblems({ failure }: { failure: ImportFailure }) {
  const summary = useRef<HTMLDivElement>(null);
  // A new list of problems takes focus, so it is read out and the keyboard starts from it.
  useEffect(() => {
    summary.current?.focus();
  }, [failure]);
  return (
    <div
      id="import-problems"
      class="error import-problems"
      ref={summary}
      tabIndex={-1}
      role="alert"
      aria-labelledby="import-problems-heading"
    >
      <h3 id="import-problems-heading">{T.problemsHeading(failure.lines.length)}</h3>
      <ul>
        {failure.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
