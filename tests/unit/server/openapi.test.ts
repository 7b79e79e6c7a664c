/** server/openapi.json describes exactly the app: its routes, its inputs and its errors. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { signalSchema } from '../../../core/signals';
import { createApp } from '../../../server/app';
import { ERROR_CODES } from '../../../server/errors';
import { withGeneratedSchemas } from '../../../server/openapiSchemas';
import type { SignalStore } from '../../../server/stores/types';

interface Operation {
  security?: unknown[];
  responses: Record<string, unknown>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
}

const text = readFileSync(new URL('../../../server/openapi.json', import.meta.url), 'utf8');
const doc = JSON.parse(text) as OpenApi;

const unusedStore = new Proxy({ kind: 'sqlite' } as SignalStore, {
  get: (target, name) =>
    name === 'kind' ? target.kind : () => Promise.reject(new Error('unused')),
});
const app = createApp({
  store: unusedStore,
  pack: {
    body: '{}',
    etag: '"x"',
    guides: 0,
    stepOrder: {},
    checklists: {},
    titles: {},
    surveyScales: {},
  },
  openapi: text,
  k: 5,
  bodyLimit: 1024,
  rateLimit: false,
  trustedProxies: 0,
  batchIdDays: 180,
  today: () => '2026-05-20',
  dashboard: null,
});

describe('the OpenAPI description', () => {
  it('lists exactly the routes the app has', () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    // Hono's `:name` parameters are OpenAPI's `{name}`.
    const routes = app.routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort();
    expect(documented).toEqual(routes);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents 401 and 429 wherever a token is needed, and 400 wherever input is read', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.security && op.security.length > 0) {
          expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
            expect.arrayContaining(['200', '401', '429']),
          );
        }
      }
    }
    expect(Object.keys(doc.paths['/v1/signals']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['400', '413', '415']),
    );
    expect(Object.keys(doc.paths['/v1/snapshots']?.get?.responses ?? {})).toContain('400');
    expect(Object.keys(doc.paths['/v1/guides']?.get?.responses ?? {})).toContain('304');
  });

  it('has the wire schema of a signal and every error code', () => {
    // As clients send it: fields with a default (cohort) may be left out.
    const generated: Record<string, unknown> = {
      ...z.toJSONSchema(signalSchema, { io: 'input' }),
    };
    delete generated.$schema;
    expect(doc.components.schemas.Signal).toEqual(generated);
    // `npm run openapi:schema` writes these parts; the file holds what it would write now.
    expect(doc).toEqual(withGeneratedSchemas(doc));
    expect(doc.components.schemas.Error?.properties?.error?.enum).toEqual([...ERROR_CODES]);
    expect(doc.components.schemas.Signal?.properties?.kind?.enum).toEqual(
      expect.arrayContaining(['workflow.started', 'workflow.completed', 'workflow.abandoned']),
    );
    expect(doc.components.schemas.Signal?.properties?.cohort?.enum).toEqual([
      '',
      'guided',
      'control',
      'observe',
    ]);
    expect(doc.components.schemas.Snapshot?.properties?.workflows).toBeDefined();
  });

  it('is served at /openapi.json', async () => {
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(doc);
  });
});
