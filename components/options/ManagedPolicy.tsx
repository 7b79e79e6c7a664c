/**
 * "Managed by your organization": every value of the organisation's managed policy that applies
 * in this browser (the ingest token only as "set"), and the values Waymark ignores, with why.
 * Shown only when there is a policy.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { PolicyView, SyncView } from '../../core/messages';
import { POLICY_KEYS, type Policy } from '../../core/policy';
import { formatPolicyProblem } from '../../core/policyRules';
import { browser } from '../../platform/browser';
import { sendPermissions } from '../../platform/dataCollection';
import { callBackground } from '../../platform/channel';
import { FORMAT_TAG, roleName, TEXT } from '../pageText';
import './managed.css';

const T = TEXT.managed;

type Values = PolicyView['values'];

/** A policy value as people read it. */
function shown<K extends keyof Values>(key: K, values: Values): ComponentChildren {
  switch (key) {
    case 'ingestToken':
      return T.tokenSet;
    case 'syncEnabled':
      return values.syncEnabled ? T.on : T.off;
    case 'syncIntervalMinutes':
      return T.everyMinutes(values.syncIntervalMinutes ?? 0);
    case 'defaultRole':
      return roleName(values.defaultRole ?? '');
    case 'allowedRoles':
      return (values.allowedRoles ?? []).map((id) => roleName(id)).join(', ');
    case 'observeOnly':
      return values.observeOnly ? T.yes : T.no;
    case 'launcher':
      return values.launcher ? T.on : T.off;
    case 'observeOnlyCohorts':
      return (values.observeOnlyCohorts ?? []).join(', ');
    case 'snoozeDays':
      return T.days(values.snoozeDays ?? 0);
    case 'dismissCooldownMinutes':
      return T.minutes(values.dismissCooldownMinutes ?? 0);
    case 'controlShare':
      return T.share((values.controlShare ?? 0).toLocaleString(FORMAT_TAG));
    case 'crmHosts':
      return (values.crmHosts ?? []).join(', ');
    case 'customCrms':
      return (
        <ul class="managed-list">
          {(values.customCrms ?? []).map((crm) => (
            <li key={crm.host}>
              {crm.host}: {crm.routes.map((r) => r.route).join(', ')}
            </li>
          ))}
        </ul>
      );
    case 'roleRules':
      return (
        <ol class="managed-list">
          {(values.roleRules ?? []).map((rule, i) => (
            <li key={i}>
              {T.rule(
                [
                  ...(rule.team !== undefined ? [T.team(rule.team)] : []),
                  ...(rule.profile !== undefined ? [T.profile(rule.profile)] : []),
                ].join(T.and),
                rule.crm,
                roleName(rule.role),
              )}
            </li>
          ))}
        </ol>
      );
    case 'champions':
      return (
        <ul class="managed-list">
          {(values.champions ?? []).map((c, i) => (
            <li key={i}>
              {c.name} — {c.link}
              {c.role !== undefined && ` (${T.forRole(roleName(c.role))})`}
              {c.team !== undefined && ` (${T.forTeam(c.team)})`}
            </li>
          ))}
        </ul>
      );
    default:
      return String(values[key as keyof Policy] ?? '');
  }
}

export function ManagedPolicy() {
  const [view, setView] = useState<PolicyView | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    callBackground('policy:get', {})
      .then(setView)
      .catch((e: unknown) => setError(T.readFailed(e instanceof Error ? e.message : String(e))));
  }, []);

  if (!view) {
    return error ? (
      <p role="alert" class="error">
        {error}
      </p>
    ) : null;
  }
  const keys = POLICY_KEYS.filter((key) => view.values[key as keyof Values] !== undefined);
  if (keys.length === 0 && view.problems.length === 0 && !view.readError) return null;

  return (
    <section class="activity managed" aria-labelledby="managed-heading">
      <h1 id="managed-heading">{T.title}</h1>
      <p class="intro">{T.intro}</p>
      {keys.length > 0 && (
        <dl class="managed-values">
          {keys.map((key) => (
            <div key={key} data-policy={key}>
              <dt>{T.labels[key]}</dt>
              <dd>{shown(key as keyof Values, view.values)}</dd>
            </div>
          ))}
        </dl>
      )}
      {view.problems.length > 0 && (
        <div class="managed-ignored">
          <h2 id="managed-ignored-heading">{T.ignoredHeading}</h2>
          <p>{T.ignoredIntro}</p>
          <ul aria-labelledby="managed-ignored-heading">
            {view.problems.map((problem, i) => (
              <li key={i}>
                <code>{formatPolicyProblem(problem)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.readError && (
        <p role="alert" class="error">
          {view.readError}
        </p>
      )}
    </section>
  );
}

/** "set by your organization", beside a value the policy locks; `id` for aria-describedby. */
export function LockedNote({ id }: { id?: string }) {
  return (
    <span class="locked-note" id={id}>
      {T.setByOrg}
    </span>
  );
}

/**
 * Under the sync form: what the organisation decides about sync, what sync still needs, and the
 * permission to reach an endpoint the organisation set (a click must ask for it).
 */
export function SyncManaged({ view, onChange }: { view: SyncView; onChange: () => void }) {
  const { locks, status } = view;
  const [error, setError] = useState('');
  const allow = async (origin: string) => {
    setError('');
    try {
      if (await browser.permissions.request(sendPermissions(origin))) onChange();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const notes = [
    ...(locks.syncEnabled === true ? [T.syncOnByOrg] : []),
    ...(locks.syncEnabled === false ? [T.syncOffByOrg] : []),
    ...(locks.intervalMinutes !== null ? [T.intervalByOrg(locks.intervalMinutes)] : []),
  ];
  const origin = status.permissionNeeded;
  return (
    <>
      {notes.length > 0 && (
        <ul class="sync-managed">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      {status.incomplete && <p class="error">{status.incomplete}</p>}
      {origin && (
        <p class="sync-permission">
          {T.permissionNeeded(origin)}{' '}
          <button type="button" onClick={() => void allow(origin)}>
            {T.allow(origin)}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}
