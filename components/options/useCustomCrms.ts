/**
 * The custom CRMs section's state: the CRMs the background knows, the one being named here, and
 * the actions that keep the trainer's list and ask the browser for each host.
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

export function useCustomCrms() {
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

  return { crms, host, setHost, routes, setRoutes, message, busy, allow, remove, add };
}
