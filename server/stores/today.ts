/** Today's UTC day: the finest time the endpoint stores (batch arrival, migrations). */
export function utcToday(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}
