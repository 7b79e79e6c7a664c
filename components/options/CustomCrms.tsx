/**
 * The organisation's own CRMs (self-hosted, or not one Waymark has an adapter for): the ones the
 * policy names and the ones a trainer names here, whether the browser lets Waymark run on each,
 * and the one click that asks it for exactly that host.
 */
import type { CustomCrmView } from '../../core/messages';
import { TEXT } from '../pageText';
import { SectionStatus } from './SectionStatus';
import { useCustomCrms } from './useCustomCrms';

const T = TEXT.crms;

/** One CRM: its host, who named it, whether Waymark may run there, and its routes. */
function CrmEntry({
  crm,
  busy,
  onAllow,
  onRemove,
}: {
  crm: CustomCrmView;
  busy: boolean;
  onAllow: () => void;
  onRemove: () => void;
}) {
  return (
    <li data-host={crm.host}>
      <p>
        <strong>{crm.host}</strong>
        {crm.setBy === 'policy' && <span class="locked"> ({T.setByPolicy})</span>}
        {' — '}
        {crm.granted ? T.allowed : T.notAllowed}
      </p>
      <ul aria-label={T.routesOf(crm.host)}>
        {crm.routes.map((r) => (
          <li key={r.route}>
            <code>{T.route(r.route, r.pageType ?? '')}</code>
          </li>
        ))}
      </ul>
      <div class="actions">
        {!crm.granted && (
          <button type="button" disabled={busy} onClick={onAllow}>
            {T.allow(crm.host)}
          </button>
        )}
        {crm.setBy === 'options' && (
          <button type="button" class="secondary" disabled={busy} onClick={onRemove}>
            {T.remove(crm.host)}
          </button>
        )}
      </div>
    </li>
  );
}

/** A trainer names a CRM: its host and, a line each, its routes. */
function AddCrmForm({
  host,
  routes,
  busy,
  onHost,
  onRoutes,
  onAdd,
}: {
  host: string;
  routes: string;
  busy: boolean;
  onHost: (host: string) => void;
  onRoutes: (routes: string) => void;
  onAdd: () => void;
}) {
  return (
    <form
      class="sync-form"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd();
      }}
    >
      <label for="crm-host">{T.host}</label>
      <input
        id="crm-host"
        required
        placeholder="crm.acme.com"
        aria-describedby="crm-host-hint"
        value={host}
        onInput={(e) => onHost((e.currentTarget as HTMLInputElement).value)}
      />
      <p id="crm-host-hint" class="hint">
        {T.hostHint}
      </p>
      <label for="crm-routes">{T.routes}</label>
      <textarea
        id="crm-routes"
        rows={4}
        aria-describedby="crm-routes-hint"
        value={routes}
        onInput={(e) => onRoutes((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <p id="crm-routes-hint" class="hint">
        {T.routesHint}
      </p>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {T.add}
        </button>
      </div>
    </form>
  );
}

export function CustomCrms() {
  const custom = useCustomCrms();
  const { crms, busy } = custom;
  return (
    <section class="activity crms" aria-labelledby="crms-heading">
      <h1 id="crms-heading">{T.title}</h1>
      <p class="intro">{T.intro}</p>
      {crms !== null && crms.length === 0 && <p>{T.none}</p>}
      <ul class="crm-list">
        {(crms ?? []).map((crm) => (
          <CrmEntry
            key={crm.host}
            crm={crm}
            busy={busy}
            onAllow={() => void custom.allow(crm.host)}
            onRemove={() => void custom.remove(crm.host)}
          />
        ))}
      </ul>
      <h2>{T.addHeading}</h2>
      <AddCrmForm
        host={custom.host}
        routes={custom.routes}
        busy={busy}
        onHost={custom.setHost}
        onRoutes={custom.setRoutes}
        onAdd={() => void custom.add()}
      />
      <SectionStatus message={custom.message} />
    </section>
  );
}
