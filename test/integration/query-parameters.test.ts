import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/http/route-table';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// One rule for every GET endpoint: a query parameter it does not take is a 400 naming it. Before,
// /api/v1/statistics refused `?timezone=` while every other endpoint ignored what it did not know,
// so `/api/v1/incidents?sevrity=sev1` quietly answered every open incident. Documented
// parameters (the console's own requests among them) still work.

/** A valid value for each documented parameter. */
const VALID: ReadonlyMap<string, string> = new Map([
  ['status', 'all'],
  ['from', '2026-11-01'],
  ['to', '2026-12-31T00:00:00Z'],
  ['tz', 'Europe/Berlin'],
  ['bucket', 'week'],
]);

const GET_ROUTES = ROUTES.filter((route) => route.method === 'GET');

const concrete = (path: string): string =>
  path.replace('/services/{id}', '/services/payments-api').replace('{id}', 'INC-1').replace('{format}', 'md');

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
  const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as unknown;
  expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing)).status).toBe(200);
});
afterAll(async () => {
  await hub.kill();
});

describe('query parameters on every GET endpoint', () => {
  it('covers the endpoints docs/api.md lists', () => {
    const documented =
      readFileSync(join(__dirname, '../../docs/api.md'), 'utf8').match(/`GET \/[^`?\s]*/g) ?? [];
    expect(documented.length).toBeGreaterThan(15);
    const paths = new Set(GET_ROUTES.map((route) => route.path.replace(/\{(\w+)\}/g, ':$1')));
    for (const entry of documented) {
      const path = entry.slice('`GET '.length).replace(/\.md\\\|.*$/, '.:format');
      expect(paths.has(path), `${entry} is in the route table`).toBe(true);
    }
  });

  it.each(GET_ROUTES.map((route) => [route.path, route] as const))(
    '%s refuses an unknown parameter with a 400 naming it',
    async (_path, route) => {
      const response = await hub.api(`${concrete(route.path)}?sevrity=sev1`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string; path?: string } };
      expect(body.error.code).toBe('invalid_query');
      expect(body.error.message).toContain('"sevrity"');
      expect(body.error.path).toBe('sevrity');
    },
  );

  it.each(GET_ROUTES.map((route) => [route.path, route] as const))(
    '%s still takes its documented parameters',
    async (_path, route) => {
      const names = 'query' in route ? Object.keys(route.query.shape) : [];
      const query = new URLSearchParams(names.map((name) => [name, VALID.get(name) ?? '']));
      const response = await hub.api(`${concrete(route.path)}${names.length > 0 ? `?${query}` : ''}`);
      expect(response.status, await response.clone().text()).not.toBe(400);
      expect(response.status).toBeLessThan(500);
    },
  );

  it('names a long parameter cut short, not the whole of it', async () => {
    const response = await hub.api(`/api/v1/incidents?${'x'.repeat(5_000)}=1`);
    expect(response.status).toBe(400);
    expect((await response.text()).length).toBeLessThan(500);
  });
});
