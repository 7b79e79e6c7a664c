/**
 * The parts of `server/openapi.json` that follow the code: the wire schema of a signal (its CRM
 * ids and event kinds come from the adapters and the event-kind table) and the error codes. The
 * rest of the description is written by hand; `npm run openapi:schema` writes these parts in.
 */
import { z } from 'zod';
import { signalSchema } from '../core/signals';
import { ERROR_CODES } from './errors';

interface OpenApiDoc {
  components: {
    schemas: Record<string, Record<string, unknown> & { properties?: Record<string, object> }>;
  };
}

/** The signal as clients send it: fields with a default (cohort) may be left out. */
export function signalWireSchema(): Record<string, unknown> {
  const generated: Record<string, unknown> = { ...z.toJSONSchema(signalSchema, { io: 'input' }) };
  delete generated.$schema;
  return generated;
}

/** `doc` with its generated parts as the code has them now. */
export function withGeneratedSchemas<T extends OpenApiDoc>(doc: T): T {
  const error = doc.components.schemas.Error;
  return {
    ...doc,
    components: {
      ...doc.components,
      schemas: {
        ...doc.components.schemas,
        Signal: signalWireSchema(),
        Error: {
          ...error,
          properties: {
            ...error?.properties,
            error: { type: 'string', enum: [...ERROR_CODES] },
          },
        },
      },
    },
  };
}
