// Kept apart from schema.ts so the content script can read it without bundling zod.

/** How long a step waits for its target by default before showing "can't find this". */
export const DEFAULT_WAIT_MS = 8000;
