/**
 * Whether the authoring panel is open in this frame: a flag in the content scripts' world, set by
 * the panel's own script (injected apart from the guide UI), read by the help button, which
 * stays away while a trainer writes.
 */
export const AUTHORING_RUNNING = '__waymarkAuthoring';

export function authoringOpen(): boolean {
  return (globalThis as Record<string, unknown>)[AUTHORING_RUNNING] === true;
}
