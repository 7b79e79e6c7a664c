/**
 * "Guides": every guide this browser has, where it came from and how often its targets were
 * missing here, and the import of guide files a trainer wrote. Problems read exactly as
 * `npm run guides:check` words them, with the file's name (or "pasted text") for the file.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ConfirmDialog } from './ConfirmDialog';
import { GuideTable, PackStatus } from './guideLibraryParts';
import {
  checkImportedTexts,
  IMPORT_LIMITS,
  PASTED_TEXT,
  tooLargeProblem,
  type ImportText,
} from '../../core/guide/importGuides';
import { formatProblem, type GuideProblem } from '../../core/guide/problems';
import type { GuideImportResult, LibraryGuide, RemotePackStatus } from '../../core/messages';
import { browser } from '../../platform/browser';
import { callBackground } from '../../platform/channel';
import { TEXT, withParts } from '../pageText';

const T = TEXT.library;

/** What the last failed import was about: the sentences, and which control they concern. */
interface Failure {
  lines: string[];
  from: 'paste' | 'files';
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
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

export function GuideLibrary() {
  const [guides, setGuides] = useState<LibraryGuide[] | null>(null);
  const [pack, setPack] = useState<RemotePackStatus | null>(null);
  const [loadError, setLoadError] = useState('');
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<LibraryGuide | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes when the remove dialog closes: its button, or the list if that is gone. */
  const returnFocus = useRef<HTMLElement | null>(null);

  const load = async () => {
    const { guides: list, pack: remote } = await callBackground('guides:list', {});
    setGuides(list);
    setPack(remote);
    setLoadError('');
  };

  useEffect(() => {
    load().catch((e: unknown) => setLoadError(T.loadFailed(reason(e))));
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

  const openRemove = (guide: LibraryGuide, opener: HTMLElement) => {
    setStatus('');
    setFailure(null);
    returnFocus.current = opener;
    setRemoving(guide);
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    try {
      const result = await callBackground('guides:remove', { id: removing.id });
      const restored = !result.restored
        ? ''
        : result.restoredFrom === 'remote'
          ? ` ${T.restoredRemote(result.restored)}`
          : ` ${T.restoredBuiltIn(result.restored)}`;
      setStatus(
        result.removed ? `${T.removed(removing.title)}${restored}` : T.alreadyGone(removing.title),
      );
      // Its row (and button) is about to go: focus goes to the list.
      returnFocus.current = listHeading.current;
      await load();
    } catch (e) {
      setLoadError(T.removeFailed(reason(e)));
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  const checkPack = async () => {
    setStatus('');
    setBusy(true);
    try {
      const remote = await callBackground('guides:fetch', {});
      setPack(remote);
      await load();
      setStatus(remote.lastError ? '' : T.upToDate);
    } catch (e) {
      setLoadError(T.checkFailed(reason(e)));
    } finally {
      setBusy(false);
    }
  };

  /** The pack's address is elsewhere than this machine: the browser asks the user once (a click). */
  const allowPack = async (origin: string) => {
    try {
      if (await browser.permissions.request({ origins: [`${origin}/*`] })) await checkPack();
    } catch (e) {
      setLoadError(T.permissionFailed(origin, reason(e)));
    }
  };

  const pastedInvalid = failure?.from === 'paste';
  const filesInvalid = failure?.from === 'files';

  return (
    <section class="activity guide-library" aria-labelledby="guides-heading">
      <h1 id="guides-heading">{T.title}</h1>
      <p class="intro">{T.intro}</p>
      {pack && (pack.url !== null || pack.from !== null) && (
        <PackStatus
          pack={pack}
          busy={busy}
          onAllow={(origin) => void allowPack(origin)}
          onCheck={() => void checkPack()}
        />
      )}

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
        <label for="guide-text">{T.paste}</label>
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
            {T.import}
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
          <h3 id="import-problems-heading">{T.problemsHeading(failure.lines.length)}</h3>
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
        {T.listHeading}
      </h2>
      {!guides ? (
        !loadError && <p aria-live="polite">{T.loading}</p>
      ) : guides.length === 0 ? (
        <p class="empty">{T.noGuides}</p>
      ) : (
        <div class="table-wrap">
          <GuideTable guides={guides} busy={busy} onRemove={openRemove} />
        </div>
      )}

      <ConfirmDialog
        id="remove"
        open={removing !== null}
        title={T.removeTitle(removing?.title ?? '')}
        text={[
          T.removeText,
          removing?.bundledVersion
            ? T.removeBringsBack(removing.bundledVersion)
            : T.removeImportAgain,
          T.removeKeeps,
        ].join(' ')}
        confirmLabel={T.remove}
        cancelLabel={T.cancel}
        busy={busy}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
        // Back where the user was, or to the list when that row is gone.
        returnFocus={returnFocus}
      />
    </section>
  );
}
