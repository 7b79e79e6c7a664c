import { guideSchema, type Guide, type GuideInput } from '../../../core/guide/schema';

/** A valid guide for tests: one modal step on the demo CRM's home page, unless overridden. */
export function makeGuide(over: Partial<GuideInput> = {}): Guide {
  return guideSchema.parse({
    schemaVersion: 1,
    id: 'g',
    version: 1,
    title: 'G',
    roles: ['rep'],
    crm: 'demo',
    match: { page: 'home' },
    steps: [{ id: 's', kind: 'modal', title: 'Hi' }],
    ...over,
  });
}
