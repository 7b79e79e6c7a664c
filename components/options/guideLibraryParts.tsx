/**
 * The guide library's parts: where the organisation's pack stands, the guides' list and table,
 * and the question before an imported guide is removed.
 */
import type { RefObject } from 'preact';
import type { LibraryGuide, OrgGuidePackStatus } from '../../core/messages';
import { formatDate, formatDateTime, roleName, TEXT } from '../pageText';
import { ConfirmDialog } from './ConfirmDialog';

const T = TEXT.library;

const SOURCE_TEXT: Record<LibraryGuide['source'], string> = T.sources;

/**
 * "Guide pack from … — last updated …, last attempt failed: …": where the organisation's guides
 * come from and whether the last fetch worked (a failed one keeps the last good pack).
 */
function packText(pack: OrgGuidePackStatus): string {
  const source = pack.from ?? pack.url ?? '';
  const parts = [
    pack.updatedAt !== null
      ? T.packUpdated(formatDateTime(pack.updatedAt), pack.guides)
      : T.packNotDownloaded,
  ];
  if (pack.checkedAt !== null && pack.updatedAt !== null && pack.checkedAt > pack.updatedAt) {
    parts.push(T.packUnchanged(formatDateTime(pack.checkedAt)));
  }
  if (pack.lastError) {
    // The reason is the background's own sentence.
    parts.push(T.packFailed(pack.lastError.reason, formatDateTime(pack.lastError.at)));
  }
  const status = T.packStatus(source, parts.join(', '));
  return pack.url !== null && pack.from !== null && pack.url !== pack.from
    ? `${status}. ${T.packMoved(pack.url)}`
    : status;
}

function MissingCell({ guide }: { guide: LibraryGuide }) {
  return (
    <td class="missing" data-count={guide.targetMissing}>
      {guide.targetMissing > 0 ? T.times(guide.targetMissing) : T.none}
      {guide.targetMissingEarlier > 0 && (
        <span class="earlier"> {T.missingEarlier(guide.targetMissingEarlier)}</span>
      )}
    </td>
  );
}

/** The organisation's guide pack: where it comes from, how the last fetch went, what to do. */
export function PackStatus({
  pack,
  busy,
  onAllow,
  onCheck,
}: {
  pack: OrgGuidePackStatus;
  busy: boolean;
  onAllow: (origin: string) => void;
  onCheck: () => void;
}) {
  return (
    <div class="guide-pack">
      <p id="pack-status" class={pack.lastError ? 'error' : undefined}>
        {packText(pack)}
      </p>
      {pack.permissionNeeded !== null && (
        <button
          type="button"
          disabled={busy}
          onClick={() => onAllow(pack.permissionNeeded as string)}
        >
          {T.allowPack(pack.permissionNeeded)}
        </button>
      )}{' '}
      {pack.url !== null && (
        <button type="button" class="secondary" disabled={busy} onClick={onCheck}>
          {T.checkPack}
        </button>
      )}
    </div>
  );
}

/** Every guide the browser has, with its source and target-missing counts; imports can go. */
export function GuideTable({
  guides,
  busy,
  onRemove,
}: {
  guides: LibraryGuide[];
  busy: boolean;
  onRemove: (guide: LibraryGuide, opener: HTMLElement) => void;
}) {
  return (
    <table class="library">
      <caption>{T.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{T.guide}</th>
          <th scope="col">{T.version}</th>
          <th scope="col">{T.source}</th>
          <th scope="col">{T.roles}</th>
          <th scope="col">{T.targetMissing}</th>
          <th scope="col">
            <span class="visually-hidden">{T.actions}</span>
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
                    {formatDate(g.importedAt)}
                  </time>
                </span>
              )}
              {g.bundledVersion !== null && (
                <span class="when"> {T.overBuiltIn(g.bundledVersion)}</span>
              )}
            </td>
            <td>{g.roles.map((id) => roleName(id)).join(', ')}</td>
            <MissingCell guide={g} />
            <td>
              {g.source === 'imported' && (
                <button
                  type="button"
                  class="danger"
                  disabled={busy}
                  aria-label={T.removeGuide(g.title)}
                  onClick={(e) => onRemove(g, e.currentTarget as HTMLElement)}
                >
                  {T.removeOpen}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The list's heading (where focus lands when a removed guide's row goes) and the guides. */
export function GuideList({
  guides,
  loadError,
  busy,
  heading,
  onRemove,
}: {
  guides: LibraryGuide[] | null;
  loadError: string;
  busy: boolean;
  heading: RefObject<HTMLHeadingElement | null>;
  onRemove: (guide: LibraryGuide, opener: HTMLElement) => void;
}) {
  return (
    <>
      <h2 id="library-heading" ref={heading} tabIndex={-1}>
        {T.listHeading}
      </h2>
      {!guides ? (
        !loadError && <p aria-live="polite">{T.loading}</p>
      ) : guides.length === 0 ? (
        <p class="empty">{T.noGuides}</p>
      ) : (
        <div class="table-wrap">
          <GuideTable guides={guides} busy={busy} onRemove={onRemove} />
        </div>
      )}
    </>
  );
}

/** Asks before an imported guide goes, saying what comes back in its place. */
export function RemoveGuideDialog({
  guide,
  busy,
  returnFocus,
  onConfirm,
  onClose,
}: {
  guide: LibraryGuide | null;
  busy: boolean;
  returnFocus: RefObject<HTMLElement | null>;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      id="remove"
      open={guide !== null}
      title={T.removeTitle(guide?.title ?? '')}
      text={[
        T.removeText,
        guide?.bundledVersion ? T.removeBringsBack(guide.bundledVersion) : T.removeImportAgain,
        T.removeKeeps,
      ].join(' ')}
      confirmLabel={T.remove}
      cancelLabel={T.cancel}
      busy={busy}
      onConfirm={onConfirm}
      onClose={onClose}
      // Back where the user was, or to the list when that row is gone.
      returnFocus={returnFocus}
    />
  );
}
