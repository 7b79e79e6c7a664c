/**
 * A trainer publishes the guide written in the panel to the organisation's endpoint, as a draft or
 * a pilot, with the trainer token kept here. The token never reaches a page: the panel asks the
 * background to publish, and the background sends it only to the endpoint the sync settings or
 * the policy name.
 */
import type { Rollout } from '../core/guide/schema';
import type { GuideIssue, PublishResult, TrainerView } from '../core/messages';
import type { WaymarkDb } from './db';
import { describeAnswer } from './endpointAnswer';

const TOKEN_KEY = 'trainer.token';
const TIMEOUT_MS = 15_000;

export interface PublishingDeps {
  db: WaymarkDb;
  /** The organisation's endpoint origin, from the policy or the sync settings; null if none. */
  endpointUrl: () => Promise<string | null>;
  canReach: (origin: string) => Promise<boolean>;
  /** After a publish: the organisation's pack is fetched again, so a pilot reaches this browser. */
  published: () => Promise<unknown>;
  fetch?: typeof globalThis.fetch;
}

export interface PublishRequest {
  guide: Record<string, unknown>;
  state: 'draft' | 'pilot';
  rollout?: Rollout;
}

/** The problems the endpoint found in the guide, as `guides:check` words them. */
async function refusal(response: Response, origin: string): Promise<PublishResult> {
  const copy = response.clone();
  let problems: GuideIssue[] = [];
  try {
    const body = (await copy.json()) as { problems?: GuideIssue[] };
    if (Array.isArray(body.problems)) problems = body.problems;
  } catch {
    // Not the endpoint's JSON: the sentence says what there is to say.
  }
  const hint = response.status === 401 ? '. Check the trainer token in Waymark’s options' : '';
  return { ok: false, error: `${await describeAnswer(response, origin)}${hint}`, problems };
}

export function createPublishing({
  db,
  endpointUrl,
  canReach,
  published,
  fetch = globalThis.fetch,
}: PublishingDeps) {
  const token = async () => ((await db.settings.get(TOKEN_KEY))?.value as string | undefined) ?? '';

  return {
    async view(): Promise<TrainerView> {
      return { tokenSet: (await token()) !== '', endpointUrl: await endpointUrl() };
    },

    /** Keeps the trainer token (trimmed); empty or null forgets it. */
    async setToken(value: string | null): Promise<void> {
      const trimmed = value?.trim() ?? '';
      if (trimmed) await db.settings.put({ key: TOKEN_KEY, value: trimmed });
      else await db.settings.delete(TOKEN_KEY);
    },

    async publish({ guide, state, rollout }: PublishRequest): Promise<PublishResult> {
      const [origin, bearer] = await Promise.all([endpointUrl(), token()]);
      const missing = [
        ...(origin ? [] : ['the endpoint address (Sync)']),
        ...(bearer ? [] : ['a trainer token']),
      ];
      if (!origin || !bearer) {
        return {
          ok: false,
          error: `To publish, set ${missing.join(' and ')} in Waymark’s options.`,
          problems: [],
        };
      }
      if (!(await canReach(origin))) {
        return {
          ok: false,
          error: `Waymark is not allowed to reach ${origin} yet: allow it in the options’ Sync section.`,
          problems: [],
        };
      }
      let response: Response;
      try {
        response = await fetch(`${origin}/v1/guides`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ guide, state, ...(rollout ? { rollout } : {}) }),
          cache: 'no-store',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        return { ok: false, error: `${origin} did not answer.`, problems: [] };
      }
      if (!response.ok) return refusal(response, origin);
      const view = (await response.json()) as { versions?: { number: number }[] };
      const version = Math.max(0, ...(view.versions ?? []).map((v) => v.number));
      await published();
      return { ok: true, version, state };
    },
  };
}

export type Publishing = ReturnType<typeof createPublishing>;
