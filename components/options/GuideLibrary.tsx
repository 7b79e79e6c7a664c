/**
 * "Guides": every guide this browser has, where it came from and how often its targets were
 * missing here, and the import of guide files a trainer wrote. Problems read exactly as
 * `npm run guides:check` words them, with the file's name (or "pasted text") for the file.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  checkImportedTexts,
  IMPORT_LIMITS,
  PASTED_TEXT,
  tooLargeProblem,
  type ImportText,
} from '../../core/guide/importGuides';
import { formatProblem, type GuideProblem } from '../../core/guide/problems';
import type { GuideImportResult, LibraryGuide } from '../../core/messages';
import { DEFAULT_ORG } from '../../core/org';
import { callBackground } from '../../runtime/channel';

const SOURCE_TEXT: Record<LibraryGuide['source'], string> = {
  bundled: 'Built in',
  imported: 'Imported',
  endpoint: 'From your organisation',
};

/** What the last failed import was about: the sentences, and which control they concern. */
interface Failure {
  lines: string[];
  from: 'paste' | 'files';
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function roleLabel(id: string): string {
  return DEFAULT_ORG.roles.find((r) => r.id === id)?.label ?? id;
}

function importedText(result: GuideImportResult): string {
  const parts = result.imported.map((g) => {
    const replaced = g.replaced
      ? `, replacing ${g.replaced.source === 'bundled' ? 'the built-in ' : ''}version ${g.replaced.version}`
      : '';
    return `“${g.title}” (version ${g.version}${replaced})`;
  });
  return `Imported ${parts.join(', ')}.`;
}

function MissingCell({ guide }: { guide: LibraryGuide }) {
  return (
    <td class="missing" data-count={guide.targetMissing}>
      {guide.targetMissing > 0 ? `${guide.targetMissing}×` : 'none'}
      {guide.targetMissingEarlier > 0 && (
        <span class="earlier"> (+{guide.targetMissingEarlier} in earlier versions)</span>
      )}
    </td>
  );
}

export function GuideLibrary() {
  const [guides, setGuides] = useState<LibraryGuide[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<LibraryGuide | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes when the remove dialog closes: its button, or the list if that is gone. */
  const returnFocus = useRef<HTMLElement | null>(null);

  const load = async () => {
    const { guides: list } = await callBackground('guides:list', {});
    setGuides(list);
    setLoadError('');
  };

  useEffect(() => {
    load().catch((e: unknown) =>
      setLoadError(`The guides could not be loaded. Reload the page to try again. (${reason(e)})`),
    );
  }, []);

  // A new list of problems takes focus, so it is read out and the keyboard starts from it.
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);

  const fail = (lines: string[], from: Failure['from']) => setFailure({ lines, from });

  /** Checks here for quick feedback, then sends: the background checks again and stores. */
  const submit = async (files: ImportText[], from: Failure['from'], oversized: string[] = []) => {
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
      fail([`The import did not work; nothing was changed. Try again. (${reason(e)})`], from);
      return false;
    } finally {
      setBusy(false);
    }
    try {
      await load();
    } catch (e) {
      setLoadError(`The guides were imported, but this list could not refresh. (${reason(e)})`);
    }
    return true;
  };

  const importPasted = async () => {
    if (await submit([{ name: PASTED_TEXT, text }], 'paste')) setText('');
  };

  const importFiles = async (input: HTMLInputElement) => {
    const chosen = Array.from(input.files ?? []);
    if (chosen.length === 0) return;
    if (chosen.length > IMPORT_LIMITS.files) {
      setStatus('');
      fail([`Choose at most ${IMPORT_LIMITS.files} files at a time.`], 'files');
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
      fail([`The files could not be read; nothing was imported. (${reason(e)})`], 'files');
      return;
    }
    await submit(files, 'files', oversized);
    // The same file can be chosen again after it was fixed.
    input.value = '';
  };

  const openRemove = (guide: LibraryGuide, opener: HTMLElement) => {
    setStatus('');
    setFailure(null);
    returnFocus.current = opener;
    setRemoving(guide);
    dialog.current?.showModal();
    // Start on the safe choice.
    cancel.current?.focus();
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    try {
      const result = await callBackground('guides:remove', { id: removing.id });
      setStatus(
        result.removed
          ? `Removed “${removing.title}”.${result.restored ? ` The built-in version ${result.restored} is back.` : ''}`
          : `“${removing.title}” was already gone.`,
      );
      // Its row (and button) is about to go: focus goes to the list.
      returnFocus.current = listHeading.current;
      await load();
    } catch (e) {
      setLoadError(`The guide could not be removed; nothing was changed. (${reason(e)})`);
    } finally {
      setBusy(false);
      dialog.current?.close();
    }
  };

  const pastedInvalid = failure?.from === 'paste';
  const filesInvalid = failure?.from === 'files';

  return (
    <section class="activity guide-library" aria-labelledby="guides-heading">
      <h1 id="guides-heading">Guides</h1>
      <p class="intro">
        The guides Waymark runs in this browser: built into the extension, or imported here. An
        imported guide runs like a built-in one, for the roles it names.
      </p>

      <h2 id="import-heading">Import guides</h2>
      <p id="import-rules" class="intro">
        Each guide is checked as <code>npm run guides:check</code> checks it (its file name and
        layout aside). A guide whose id Waymark already has replaces it only with a higher{' '}
        <code>version</code>. If anything is wrong, nothing is imported.
      </p>
      <div class="import-files">
        <label for="guide-files">Guide files (.json)</label>
        <input
          id="guide-files"
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          multiple
          disabled={busy}
          aria-describedby={filesInvalid ? 'import-problems' : 'import-rules'}
          aria-invalid={filesInvalid ? 'true' : undefined}
          onChange={(e) => void importFiles(e.currentTarget as HTMLInputElement)}
        />
      </div>
      <form
        class="import-paste"
        onSubmit={(e) => {
          e.preventDefault();
          void importPasted();
        }}
      >
        <label for="guide-text">Or paste a guide’s JSON</label>
        <textarea
          id="guide-text"
          rows={10}
          spellcheck={false}
          value={text}
          aria-describedby={pastedInvalid ? 'import-problems' : 'import-rules'}
          aria-invalid={pastedInvalid ? 'true' : undefined}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Import
          </button>
        </div>
      </form>

      {failure && (
        <div
          id="import-problems"
          class="error import-problems"
          ref={summary}
          tabIndex={-1}
          role="alert"
          aria-labelledby="import-problems-heading"
        >
          <h3 id="import-problems-heading">
            Nothing was imported:{' '}
            {failure.lines.length === 1 ? '1 problem' : `${failure.lines.length} problems`}
          </h3>
          <ul>
            {failure.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <p role="status" class="status-message">
        {status}
      </p>
      {loadError && (
        <p role="alert" class="error">
          {loadError}
        </p>
      )}

      <h2 id="library-heading" ref={listHeading} tabIndex={-1}>
        Guides in this browser
      </h2>
      {!guides ? (
        !loadError && <p aria-live="polite">Loading…</p>
      ) : guides.length === 0 ? (
        <p class="empty">No guides.</p>
      ) : (
        <div class="table-wrap">
          <table class="library">
            <caption>
              Every guide, with how often a step’s target could not be found in this browser (from
              your own event log)
            </caption>
            <thead>
              <tr>
                <th scope="col">Guide</th>
                <th scope="col">Version</th>
                <th scope="col">Source</th>
                <th scope="col">Roles</th>
                <th scope="col">Target missing here</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {guides.map((g) => (
                <tr key={g.id} data-guide={g.id} data-source={g.source}>
                  <th scope="row">
                    {g.title}
                    <code class="guide-id">{g.id}</code>
                  </th>
                  <td>{g.version}</td>
                  <td>
                    {SOURCE_TEXT[g.source]}
                    {g.importedAt !== null && (
                      <span class="when">
                        {' '}
                        <time dateTime={new Date(g.importedAt).toISOString()}>
                          {new Date(g.importedAt).toLocaleDateString()}
                        </time>
                      </span>
                    )}
                    {g.bundledVersion !== null && (
                      <span class="when"> (over built-in version {g.bundledVersion})</span>
                    )}
                  </td>
                  <td>{g.roles.map(roleLabel).join(', ')}</td>
                  <MissingCell guide={g} />
                  <td>
                    {g.source === 'imported' && (
                      <button
                        type="button"
                        class="danger"
                        disabled={busy}
                        aria-label={`Remove ${g.title}`}
                        onClick={(e) => openRemove(g, e.currentTarget as HTMLElement)}
                      >
                        Remove…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <dialog
        ref={dialog}
        aria-labelledby="remove-heading"
        aria-describedby="remove-text"
        // Esc, Cancel or Remove: focus goes back where the user was, or to the list.
        onClose={() => {
          returnFocus.current?.focus();
          setRemoving(null);
        }}
      >
        <h2 id="remove-heading">Remove “{removing?.title ?? ''}”?</h2>
        <p id="remove-text">
          This removes the imported guide from this browser.
          {removing?.bundledVersion
            ? ` The built-in version ${removing.bundledVersion} comes back.`
            : ' To use it again, import it again.'}{' '}
          Your progress and events stay in My activity.
        </p>
        <div class="actions">
          <button type="button" class="danger-solid" disabled={busy} onClick={() => void remove()}>
            Remove
          </button>
          <button
            type="button"
            class="secondary"
            ref={cancel}
            disabled={busy}
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
        </div>
      </dialog>
    </section>
  );
}
