/**
 * The dashboard's calls to the endpoint it is served by, with the endpoint's own error sentences
 * (English, as the API writes them); only what the dashboard says itself is translated.
 */
import type { GuideView } from '../../core/guide/lifecycle';
import type { Snapshot, SnapshotFilter } from '../../core/snapshot';
import { TEXT } from '../pageText';
import type { SnapshotLabels } from '../snapshot/SnapshotView';
import type { PeriodChoice } from '../snapshot/PeriodPicker';
import { setFilterQuery } from './SnapshotFilters';

export interface ServedSnapshot extends Snapshot {
  schemaVersion: 1;
  org: string;
  labels: SnapshotLabels;
  /** What the filters may name (roles and guides of the organisation, with their names). */
  choices: { roles: Record<string, string>; guides: Record<string, string> };
}

/** A period choice with the filter applied to it: one view of the snapshot. */
export interface SnapshotChoice extends PeriodChoice {
  filter: SnapshotFilter;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A refusal or failure, with what to tell the admin. */
export class EndpointError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function snapshotQuery(choice: SnapshotChoice, format: 'json' | 'csv'): string {
  const query = new URLSearchParams({ from: choice.period.from, to: choice.period.to });
  if (choice.baseline) {
    query.set('baselineFrom', choice.baseline.from);
    query.set('baselineTo', choice.baseline.to);
  }
  setFilterQuery(query, choice.filter);
  if (format === 'csv') query.set('format', 'csv');
  return `/v1/snapshots?${query.toString()}`;
}

async function failure(response: Response): Promise<EndpointError> {
  let message = TEXT.dashboard.answered(response.status);
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not our JSON (a proxy's error page): the status says enough.
  }
  return new EndpointError(message, response.status);
}

/**
 * A call with the token as a header (never in the address): a GET, or a POST of `body` as JSON.
 * A refusal or failure throws an EndpointError.
 */
async function endpointCall(token: string, path: string, body?: unknown): Promise<Response> {
  const authorization = { Authorization: `Bearer ${token}` };
  let response: Response;
  try {
    response = await fetch(
      path,
      body === undefined
        ? { headers: authorization, cache: 'no-store' }
        : {
            method: 'POST',
            headers: { ...authorization, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
  } catch {
    throw new EndpointError(TEXT.dashboard.noAnswer, 0);
  }
  if (!response.ok) throw await failure(response);
  return response;
}

export function fetchSnapshot(
  token: string,
  choice: SnapshotChoice,
  format: 'json' | 'csv' = 'json',
): Promise<Response> {
  return endpointCall(token, snapshotQuery(choice, format));
}

/** The organisation's guides with their versions and changes (admin and trainer tokens). */
export async function fetchGuideLibrary(token: string): Promise<GuideView[]> {
  const response = await endpointCall(token, '/v1/guides/library');
  return ((await response.json()) as { guides: GuideView[] }).guides;
}

export type GuideAction = 'promote' | 'rollback';

/** Promotes a version, or rolls back to one; the guide's view after the change. */
export async function changeGuide(
  token: string,
  guideId: string,
  action: GuideAction,
  version: number,
): Promise<GuideView> {
  const path = `/v1/guides/${encodeURIComponent(guideId)}/${action}`;
  const response = await endpointCall(token, path, { version });
  return (await response.json()) as GuideView;
}
