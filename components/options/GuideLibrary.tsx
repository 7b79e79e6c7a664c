/**
 * "Guides": every guide this browser has, where it came from and how often its targets were
 * missing here, and the import of guide files a trainer wrote. Problems read exactly as
 * `npm run guides:check` words them, with the file's name (or "pasted text") for the file.
 */
import { ImportControls, ImportProblems } from './guideImportParts';
import { GuideList, PackStatus, RemoveGuideDialog } from './guideLibraryParts';
import { useGuideImport } from './useGuideImport';
import { useGuideLibrary } from './useGuideLibrary';
import { TrainerToken } from './TrainerToken';
import { useGuideRemoval } from './useGuideRemoval';
import { TEXT } from '../pageText';

const T = TEXT.library;

export function GuideLibrary() {
  const library = useGuideLibrary();
  const importing = useGuideImport(library);
  const removal = useGuideRemoval(library, importing.clearFailure);
  const { pack, busy, loadError } = library;

  return (
    <section class="activity guide-library" aria-labelledby="guides-heading">
      <h1 id="guides-heading">{T.title}</h1>
      <p class="intro">{T.intro}</p>
      {pack && (pack.url !== null || pack.from !== null) && (
        <PackStatus
          pack={pack}
          busy={busy}
          onAllow={(origin) => void library.allowPack(origin)}
          onCheck={() => void library.checkPack()}
        />
      )}

      <ImportControls
        text={importing.text}
        failedFrom={importing.failure?.from}
        busy={busy}
        onText={importing.setText}
        onFiles={(input) => void importing.importFiles(input)}
        onPaste={() => void importing.importPasted()}
      />
      {importing.failure && <ImportProblems failure={importing.failure} />}
      <p role="status" class="status-message">
        {library.status}
      </p>
      {loadError && (
        <p role="alert" class="error">
          {loadError}
        </p>
      )}

      <GuideList
        guides={library.guides}
        loadError={loadError}
        busy={busy}
        heading={removal.listHeading}
        onRemove={removal.open}
      />
      <RemoveGuideDialog
        guide={removal.removing}
        busy={busy}
        returnFocus={removal.returnFocus}
        onConfirm={() => void removal.remove()}
        onClose={removal.close}
      />
      <TrainerToken />
    </section>
  );
}
