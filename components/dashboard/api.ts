/**
 * The dashboard's calls to the endpoint it is served by, with the endpoint's own error sentences
 * (English, as the API writes them); only what the dashboard says itself is translated.
 */
import type { Snapshot } from '../../core/snapshot';
import { TEXT } from '../pageText';
import type { SnapshotLabels } from '../snapshot/SnapshotView';
import type { PeriodChoice } from '../snapshot/PeriodPicker';

export interface ServedSnapshot extends Snapshot {
  schemaVersion: 1;
  org: string;
  labels: SnapshotLabels;
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

export function snapshotQuery(choice: PeriodChoice, format: 'json' | 'csv'): string {
  const query = new URLSearchParams({ from: choice.period.from, to: choice.period.to });
  if (choice.baseline) {
    query.set('baselineFrom', choice.baseline.from);
    query.set('baselineTo', choice.baseline.to);
  }
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

export async function fetchSnapshot(
  token: string,
  choice: PeriodChoice,
  format: 'json' | 'csv' = 'json',
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(snapshotQuery(choice, format), {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    throw new EndpointError(TEXT.dashboard.noAnswer, 0);
  }
  if (!response.ok) throw await failure(response);
  return response;
}
