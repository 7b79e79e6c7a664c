/// <reference types="vite/client" />
/** The guides built into the extension from guides/*.json. */
import { guideSchema, type Guide } from '../core/guide/schema';

const files = import.meta.glob<unknown>(['../guides/*.json', '!../guides/guide.schema.json'], {
  eager: true,
  import: 'default',
});

export function bundledGuides(): Guide[] {
  const guides: Guide[] = [];
  for (const [file, data] of Object.entries(files)) {
    const parsed = guideSchema.safeParse(data);
    // guides:check keeps these valid; a bad file must still not take the others down.
    if (parsed.success) guides.push(parsed.data);
    else console.error(`[waymark] ${file} is not a valid guide`, parsed.error.issues);
  }
  return guides;
}
