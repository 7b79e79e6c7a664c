/**
 * An organisation's guides as a lifecycle: each publish is a new version in `draft` or `pilot`;
 * one version at a time is `live`; promote and roll back are one action each. Versions are never
 * edited and changes only appended (stores/types.ts): the state of a version is that of its latest
 * change, and the history is the list of changes itself.
 */
import { createHash } from 'node:crypto';
import { checkGuideFiles } from '../core/guide/checkGuides';
import type { GuideView } from '../core/guide/lifecycle';
import { formatProblem } from '../core/guide/problems';
import { GUIDE_SCHEMA_VERSION, type Guide, type Rollout } from '../core/guide/schema';
import { fail } from './errors';
import { readGuides } from './guidePack';
import {
  GuideChangeConflict,
  type GuideChangeRow,
  type GuideVersionRow,
  type SignalStore,
} from './stores/types';

/** The versions of each guide with their states, from the store's records. */
export function guideViews(records: {
  versions: GuideVersionRow[];
  changes: GuideChangeRow[];
}): GuideView[] {
  const views = new Map<string, GuideView>();
  for (const row of records.versions) {
    const guide = JSON.parse(row.body) as Guide;
    let view = views.get(row.guideId);
    if (!view) {
      view = {
        guideId: row.guideId,
        title: '',
        versions: [],
        changes: [],
        live: null,
        pilot: null,
      };
      views.set(row.guideId, view);
    }
    view.title = guide.title;
    view.versions.push({
      number: row.number,
      state: 'draft',
      publishedAt: row.publishedAt,
      publishedBy: row.publishedBy,
      rollout: null,
      guide,
    });
  }
  for (const change of records.changes) {
    const view = views.get(change.guideId);
    const version = view?.versions.find((v) => v.number === change.number);
    if (!view || !version) continue;
    view.changes.push(change);
    version.state = change.state;
    version.rollout = change.rollout ? (JSON.parse(change.rollout) as Rollout) : null;
  }
  for (const view of views.values()) {
    view.live = view.versions.find((v) => v.state === 'live')?.number ?? null;
    view.pilot = view.versions.find((v) => v.state === 'pilot')?.number ?? null;
  }
  return [...views.values()];
}

/** The problems of a guide as `guides:check` words them, or the guide. */
function checkedGuide(text: string): Guide {
  const { guides, problems } = checkGuideFiles([{ file: 'the published guide', text }], {
    fileConventions: false,
  });
  const guide = guides[0]?.guide;
  if (problems.length > 0 || !guide) {
    throw fail(
      422,
      'invalid_guide',
      `The guide was not published: ${problems.map(formatProblem).join('; ')}`,
      { problems: problems.map(({ path, message }) => ({ path, message })) },
    );
  }
  return guide;
}

/** A guide's JSON as served, with the store's version number. */
const servedBody = (guide: Guide, number: number) => {
  const served: Partial<Guide> = { ...guide, version: number };
  delete served.$schema;
  return JSON.stringify(served);
};

export interface Actor {
  /** The label of the token acting: kept in the history, never a person's identity. */
  label: string;
  now?: Date;
}

export interface PublishRequest {
  /** The guide's JSON text, as `guides:check` reads a file. */
  guide: string;
  state: 'draft' | 'pilot';
  rollout?: Rollout;
}

/** The lifecycle's actions on one organisation's guides in a store. */
export function guideLifecycle(store: SignalStore, org: string) {
  const viewOf = async (guideId: string): Promise<GuideView | undefined> =>
    guideViews(await store.guideRecords(org, guideId))[0];

  const write = async (
    guideId: string,
    afterSeq: number,
    version: GuideVersionRow | undefined,
    changes: Omit<GuideChangeRow, 'seq' | 'guideId'>[],
  ) => {
    try {
      await store.recordGuideChanges(org, {
        guideId,
        afterSeq,
        version,
        changes: changes.map((c, i) => ({ ...c, guideId, seq: afterSeq + i + 1 })),
      });
    } catch (error) {
      if (error instanceof GuideChangeConflict) {
        throw fail(
          409,
          'conflict',
          `Someone else changed "${guideId}" at the same moment; nothing was changed. Look again and retry.`,
        );
      }
      throw error;
    }
    return (await viewOf(guideId))!;
  };

  const retirement = (number: number, at: string, by: string) => [
    { number, action: 'retire' as const, state: 'retired' as const, rollout: null, at, by },
  ];
  /** Retires every live or pilot version but `keep`: the changes that does. */
  const retireOthers = (view: GuideView, keep: number, at: string, by: string) =>
    view.versions
      .filter((v) => v.number !== keep && (v.state === 'live' || v.state === 'pilot'))
      .flatMap((v) => retirement(v.number, at, by));

  const versionOf = (view: GuideView | undefined, guideId: string, number: number) => {
    const version = view?.versions.find((v) => v.number === number);
    if (!view || !version) {
      throw fail(404, 'not_found', `"${guideId}" has no version ${number} in this organisation.`);
    }
    return { view, version };
  };

  return {
    async list(): Promise<GuideView[]> {
      return guideViews(await store.guideRecords(org));
    },
    async history(guideId: string): Promise<GuideView> {
      const view = await viewOf(guideId);
      if (!view) throw fail(404, 'not_found', `This organisation has no guide "${guideId}".`);
      return view;
    },
    /**
     * A new version, numbered as its text says unless an earlier one has that number or a higher
     * one (then one past the highest): numbers only grow, so browsers move forward. A pilot
     * replaces an earlier pilot.
     */
    async publish(request: PublishRequest, { label, now = new Date() }: Actor): Promise<GuideView> {
      const guide = checkedGuide(request.guide);
      if (request.state === 'pilot' && !request.rollout) {
        throw fail(400, 'bad_request', 'A pilot needs its rollout: cohorts, percent or dates.');
      }
      const view = await viewOf(guide.id);
      const number = Math.max(guide.version, ...(view?.versions.map((v) => v.number + 1) ?? []));
      const at = now.toISOString();
      const version = {
        guideId: guide.id,
        number,
        body: servedBody(guide, number),
        publishedAt: at,
        publishedBy: label,
      };
      // A new pilot replaces the one running; the live version stays live.
      const replaced =
        request.state === 'pilot' && view?.pilot != null ? retirement(view.pilot, at, label) : [];
      return write(guide.id, view?.changes.length ?? 0, version, [
        ...replaced,
        {
          number,
          action: 'publish',
          state: request.state,
          rollout: request.state === 'pilot' ? JSON.stringify(request.rollout) : null,
          at,
          by: label,
        },
      ]);
    },
    /** Makes a draft or pilot version live for everyone; the previous live one retires. */
    async promote(guideId: string, number: number, { label, now = new Date() }: Actor) {
      const { view, version } = versionOf(await viewOf(guideId), guideId, number);
      if (version.state === 'live') return view;
      if (version.state === 'retired') {
        throw fail(
          409,
          'conflict',
          `Version ${number} of "${guideId}" is retired: roll back to it to make it live again.`,
        );
      }
      const at = now.toISOString();
      return write(guideId, view.changes.length, undefined, [
        ...retireOthers(view, number, at, label),
        { number, action: 'promote', state: 'live', rollout: null, at, by: label },
      ]);
    },
    /**
     * Makes an earlier version's text live again as a new version number, so browsers move
     * forward to it; the live version and any pilot retire.
     */
    async rollBack(guideId: string, to: number, { label, now = new Date() }: Actor) {
      const { view, version } = versionOf(await viewOf(guideId), guideId, to);
      const number = Math.max(...view.versions.map((v) => v.number)) + 1;
      const at = now.toISOString();
      return write(
        guideId,
        view.changes.length,
        {
          guideId,
          number,
          body: servedBody(version.guide, number),
          publishedAt: at,
          publishedBy: label,
        },
        [
          ...retireOthers(view, number, at, label),
          { number, action: 'rollback', state: 'live', rollout: null, at, by: label },
        ],
      );
    },
  };
}

export type GuideLifecycle = ReturnType<typeof guideLifecycle>;

/** The pack an organisation's browsers download: live versions, and pilots with their rollout. */
export interface ServedPack {
  body: string;
  etag: string;
}

export function servedPack(views: readonly GuideView[]): ServedPack {
  const served = (view: GuideView, number: number | null) =>
    view.versions.find((v) => v.number === number);
  const pack = {
    schemaVersion: GUIDE_SCHEMA_VERSION,
    guides: views.flatMap((view) => served(view, view.live)?.guide ?? []),
    // The browser shows a pilot to those in its rollout, and the live version to the rest.
    pilots: views.flatMap((view) => {
      const pilot = served(view, view.pilot);
      return pilot ? [{ rollout: pilot.rollout, guide: pilot.guide }] : [];
    }),
  };
  const body = JSON.stringify(pack);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}

/**
 * Makes every guide file of `dir` (checked as `guides:check` checks them) the organisation's live
 * version of that guide: published and promoted, each a new version in the history.
 */
export async function importGuides(
  store: SignalStore,
  org: string,
  dir: string,
  actor: Actor,
): Promise<GuideView[]> {
  const lifecycle = guideLifecycle(store, org);
  const views: GuideView[] = [];
  for (const guide of readGuides(dir)) {
    const draft = await lifecycle.publish({ guide: JSON.stringify(guide), state: 'draft' }, actor);
    const number = Math.max(...draft.versions.map((v) => v.number));
    views.push(await lifecycle.promote(guide.id, number, actor));
  }
  return views;
}
