import { z } from 'zod';
import { guideSchema } from './schema';

/** The JSON Schema trainers' editors use, generated from the zod schema so the two never differ. */
export function guideJsonSchemaText(): string {
  const schema = z.toJSONSchema(guideSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Waymark guide' }, null, 2)}\n`;
}
