/**
 * An organisation's guides as the endpoint's lifecycle shows them (`GET /v1/guides/library` and
 * `/v1/guides/{id}/history`): the endpoint builds these views and the dashboard reads them.
 */
import type { Guide, Rollout } from './schema';

export type GuideState = 'draft' | 'pilot' | 'live' | 'retired';

/** One state a version entered; a version's state is that of its latest change. */
export interface GuideChangeRow {
  guideId: string;
  /** Per organisation and guide, from 1, without gaps. */
  seq: number;
  number: number;
  action: 'publish' | 'promote' | 'rollback' | 'retire';
  state: GuideState;
  /** A pilot's rollout, as JSON; null otherwise. */
  rollout: string | null;
  at: string;
  by: string;
}

export interface GuideVersionView {
  number: number;
  state: GuideState;
  publishedAt: string;
  publishedBy: string;
  /** The pilot's rollout while the version is in pilot. */
  rollout: Rollout | null;
  guide: Guide;
}

export interface GuideView {
  guideId: string;
  title: string;
  versions: GuideVersionView[];
  changes: GuideChangeRow[];
  live: number | null;
  pilot: number | null;
}
