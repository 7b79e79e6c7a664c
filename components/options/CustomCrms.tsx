/**
 * The organisation's own CRMs (self-hosted, or not one Waymark has an adapter for): the ones the
 * policy names and the ones a trainer names here, whether the browser lets Waymark run on each,
 * and the one click that asks it for exactly that host.
 */
import { useEffect, useState } from 'preact/hooks';
import { originPattern, parseRouteLines } from '../../core/adapters/routes';
import type { CustomCrmView } from '../../core/messages';
import { browser } from '../../platform/browser';
import { callBackground } from '../../platform/channel';
import { TEXT } from '../pageText';
import { useSectionAction } from './useSectionAction';

const T = TEXT.crms;

/** Asks the browser for one host (needs the click that called it); false when refused. */
const allowHost = (host: string) =>
  browser.permissions.request({ origins: [originPattern(host)] }).catch(() => false);

export function CustomCrms() {
  const [crms, setCrms] = useState<CustomCrmView[] | null>(null);
  const [host, setHost] = useState('');
  const [routes, setRoutes] = useState('');

  const load = async () => setCrms(await callBackground('crms:get', {}));
  const { message, setMessage, busy, act } = useSectionAction(load);
  useEffect(() => {
    void load().catch((e: unknown) => setMessage({ ok: false, text: T.readFailed(String(e)) }));
  }, []);

  /** The trainer's own entries (the policy's are not theirs to keep or drop). */
  const own = () =>
    (crms ?? [])
      .filter((c) => c.setBy === 'options')
      .map(({ host: h, routes: r }) => ({ host: h, routes: r }));

  const allow = (name: string) =>
    act(async () => ((await allowHost(name)) ? null : { ok: false, text: T.refused(name) }));
  const remove = (name: string) =>
    act(async () => {
      const result = await callBackground('crms:save', {
        crms: own().filter((c) => c.host !== name),
      });
      return result.ok ? null : { ok: false, text: result.problem };
    });
  const add = () =>
    act(async () => {
      const name = host.trim().toLowerCase();
      const parsed = parseRouteLines(routes);
      if ('problem' in parsed) {
        return { ok: false, text: T.lineProblem(parsed.line, parsed.problem) };
      }
      const crm = { host: name, routes: parsed.routes };
      const result = await callBackground('crms:save', {
        crms: [...own().filter((c) => c.host !== name), crm],
      });
      if (!result.ok) return { ok: false, text: result.problem };
      // Asked after the list is checked, within the same click.
      if (!(await allowHost(name))) return { ok: false, text: T.refused(name) };
      setHost('');
      setRoutes('');
      return { ok: true, text: T.saved(name) };
    });

  return (
    <section class="activity crms" aria-labelledby="crms-heading">
      <h1 id="crms-heading">{T.title}</h1>
      <p class="intro">{T.intro}</p>
      {crms !== null && crms.length === 0 && <p>{T.none}</p>}
      <ul class="crm-list">
        {(crms ?? []).map((crm) => (
          <li key={crm.host} data-host={crm.host}>
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
                <button type="button" disabled={busy} onClick={() => void allow(crm.host)}>
                  {T.allow(crm.host)}
                </button>
              )}
              {crm.setBy === 'options' && (
                <button
                  type="button"
                  class="secondary"
                  disabled={busy}
                  onClick={() => void remove(crm.host)}
                >
                  {T.remove(crm.host)}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <h2>{T.addHeading}</h2>
      <form
        class="sync-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label for="crm-host">{T.host}</label>
        <input
          id="crm-host"
          required
          placeholder="crm.acme.com"
          aria-describedby="crm-host-hint"
          value={host}
          onInput={(e) => setHost((e.currentTarget as HTMLInputElement).value)}
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
          onInput={(e) => setRoutes((e.currentTarget as HTMLTextAreaElement).value)}
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
      <p
        role={message && !message.ok ? 'alert' : 'status'}
        class={message?.ok === false ? 'error' : 'status-message'}
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
