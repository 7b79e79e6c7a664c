/** What went wrong, as the sentence the page puts after its own words. */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
