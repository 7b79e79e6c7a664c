/** The release's "Log a call" guide and a trainer's edit of it, for the guide lifecycle's tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Guide } from '../core/guide/schema';

export const LOG_A_CALL = JSON.parse(
  readFileSync(join(import.meta.dirname, '../guides/demo-log-call.json'), 'utf8'),
) as Guide;

/** The guide with new words for its first step, one version up; `changes` edits the rest. */
export function withFirstStepBody(body: string, changes: Partial<Guide> = {}): Guide {
  const [first, ...rest] = LOG_A_CALL.steps;
  return {
    ...LOG_A_CALL,
    version: LOG_A_CALL.version + 1,
    ...changes,
    steps: [{ ...first!, body }, ...rest],
  };
}
