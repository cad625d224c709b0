import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/http/route-table';
import { type RunningHub, startHub } from '../support/hub';

// GET /api/v1/openapi.json on the real hub: a valid OpenAPI 3.1 document that lists exactly the
// routes the hub dispatches (routes.ts serves by the same table, and each is probed here), whose
// request examples the hub accepts, and whose Error schema is the shape every refusal has.

interface Operation {
  operationId: string;
  requestBody?: { content: { 'application/json': { example?: unknown; schema: unknown } } };
  responses: Record<string, unknown>;
}
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: { Error: { properties: { error: { required: string[] } } } } };
};

let hub: RunningHub;
let document: Document;
beforeAll(async () => {
  hub = await startHub();
  // No token: the description of the API is no secret.
  const response = await fetch(`${hub.url}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as Document;
});
afterAll(async () => {
  await hub.kill();
});

/** Every (method, path) the document describes. */
const operations = (doc: Document): string[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );

/** A concrete request path for a template: an incident that exists, a real export format. */
const concrete = (path: string): string => path.replace('{id}', 'INC-1').replace('{format}', 'md');

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('describes every route the router serves, and nothing else besides the console', () => {
    const served = ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(new Set(served).size).toBe(served.length);
    expect(operations(document).sort()).toEqual([...served, 'GET /'].sort());
  });

  it('describes the error shape on every operation', () => {
    expect(document.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
    for (const item of Object.values(document.paths))
      for (const operation of Object.values(item))
        if (operation.operationId !== 'console')
          expect(operation.responses.default, operation.operationId).toEqual({
            description: expect.any(String),
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          });
  });

  it('has request examples the hub accepts, sent in document order', async () => {
    const examples = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) => {
        const example = operation.requestBody?.content['application/json'].example;
        return example === undefined ? [] : [{ method: method.toUpperCase(), path, example }];
      }),
    );
    expect(examples.map((e) => e.path)).toEqual([
      '/api/v1/ingest/alertmanager',
      '/api/v1/ingest/pagerduty',
      '/v2/enqueue',
      '/api/v1/commands',
    ]);
    for (const { method, path, example } of examples) {
      const response = await hub.api(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(example),
      });
      const answer = `${path}: ${response.status} ${await response.text()}`;
      expect(response.ok, answer).toBe(true);
    }
  });

  it('each route in the table is served: the hub never answers it "No … here"', async () => {
    for (const route of ROUTES) {
      // Bodies that fail validation are fine here: only the router's own 404 would mean "not served".
      const response = await hub.api(concrete(route.path), {
        method: route.method,
        ...(route.method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
      });
      const text = await response.text();
      expect(`${route.method} ${route.path}: ${response.status} ${text}`).not.toMatch(
        /No (GET|POST) .* here/,
      );
    }
    const unknown = await hub.api('/api/v1/incidents/INC-1/secrets');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/No GET \/api\/v1\/incidents\/INC-1\/secrets here/);
  });
});
