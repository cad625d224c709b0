import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signIngest } from '../../server/auth/ingest-signature';
import { configWithDeploys, DEPLOYS } from '../support/changes';
import { ZABBIX_ROUTING_KEY } from '../support/config-folder';
import { EXAMPLE_CI_ROUTING_KEY } from '../support/examples';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// The change endpoints get exactly what the alert endpoints get: the same front door (Host,
// Origin), JSON only, the size limit, credentials, HMAC, the per-sender rate limit and the lockout
// after wrong credentials. Each check runs against the alert endpoints too, on the same hub, so a
// difference between them is a failure. Bad change bodies get a 4xx naming the field, and store
// nothing. The REAL hub process.

// The examples' changes are dated; a service panel shows the last day's: move them to now. The
// PagerDuty change carries the examples' CI routing key; these hubs know the fixture's instead.
const now = new Date().toISOString();
const sample = (name: string): string =>
  readFileSync(join(samplesDir, name), 'utf8')
    .replace('2026-11-27T04:19:40.315+0000', now)
    .replace('2026-11-27T04:19:40Z', now)
    .replace(EXAMPLE_CI_ROUTING_KEY, ZABBIX_ROUTING_KEY);
const eve = { authorization: 'Bearer eve-token' };

interface Endpoint {
  readonly name: string;
  readonly path: string;
  readonly body: string;
  /** Credentials that pass, as headers (routing keys travel in the body). */
  readonly headers: Record<string, string>;
  /** The same delivery with credentials that do not. */
  readonly wrong: { body: string; headers: Record<string, string> };
  readonly accepted: number;
}

const WRONG_KEY = 'R0WRONGKEYabcdefghijklmnopqrstuv';
const ENDPOINTS: ReadonlyArray<Endpoint> = [
  {
    name: 'alertmanager',
    path: '/api/v1/ingest/alertmanager',
    body: sample('alertmanager-firing.json'),
    headers: { authorization: 'Bearer prom-dc1-token' },
    wrong: { body: sample('alertmanager-firing.json'), headers: { authorization: 'Bearer nope' } },
    accepted: 200,
  },
  {
    name: 'pagerduty',
    path: '/v2/enqueue',
    body: sample('pagerduty-trigger.json').replace(
      /"routing_key": "\w+"/,
      `"routing_key": "${ZABBIX_ROUTING_KEY}"`,
    ),
    headers: {},
    wrong: {
      body: sample('pagerduty-trigger.json').replace(/"routing_key": "\w+"/, `"routing_key": "${WRONG_KEY}"`),
      headers: {},
    },
    accepted: 202,
  },
  {
    name: 'pagerduty change',
    path: '/v2/change/enqueue',
    body: sample('pagerduty-change.json'),
    headers: {},
    wrong: { body: sample('pagerduty-change.json').replace(ZABBIX_ROUTING_KEY, WRONG_KEY), headers: {} },
    accepted: 202,
  },
  {
    name: 'generic change',
    path: '/api/v1/ingest/change',
    body: sample('change.json'),
    headers: DEPLOYS,
    wrong: { body: sample('change.json'), headers: { authorization: 'Bearer nope' } },
    accepted: 202,
  },
];

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hubWith(
  args: ReadonlyArray<string> = [],
  options: { hmacEnv?: string; env?: Record<string, string> } = {},
): Promise<RunningHub> {
  const dir = configWithDeploys(options.hmacEnv ? { hmacEnv: options.hmacEnv, signZabbix: true } : {});
  const hub = await startHub({ args: ['--config-dir', dir, ...args], env: options.env ?? {} });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => hub.kill());
  return hub;
}

const send = (hub: RunningHub, path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

/** A POST with a Host header of our choosing (fetch may not set one): DNS rebinding. */
function rawPost(
  hub: RunningHub,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${hub.url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function storedChanges(hub: RunningHub, service: string): Promise<unknown[]> {
  const response = await fetch(`${hub.url}/api/v1/services/${service}/changes`, { headers: eve });
  return ((await response.json()) as { changes: unknown[] }).changes;
}

describe('change ingest gets the same treatment as alert ingest', { timeout: 120_000 }, () => {
  let hub: RunningHub;
  const shared: Array<() => unknown> = [];
  beforeAll(async () => {
    const dir = configWithDeploys();
    hub = await startHub({ args: ['--config-dir', dir] });
    shared.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => hub.kill(),
    );
  });
  afterAll(async () => {
    for (const cleanup of shared.splice(0).reverse()) await cleanup();
  });

  it('accepts each with its credentials', async () => {
    for (const endpoint of ENDPOINTS) {
      const answer = await send(hub, endpoint.path, endpoint.body, endpoint.headers);
      expect([endpoint.name, answer.status]).toEqual([endpoint.name, endpoint.accepted]);
    }
    expect(await storedChanges(hub, 'checkout-web')).toHaveLength(2);
  });

  it('answers a PagerDuty change as PagerDuty does', async () => {
    const answer = await postJson(`${hub.url}/v2/change/enqueue`, sample('pagerduty-change.json'));
    expect(answer).toEqual({ status: 202, body: { status: 'success', message: 'Change event processed' } });
  });

  it('refuses the same things with the same answers on every endpoint', async () => {
    for (const endpoint of ENDPOINTS) {
      const wrong = await send(hub, endpoint.path, endpoint.wrong.body, endpoint.wrong.headers);
      const text = await send(hub, endpoint.path, endpoint.body, {
        ...endpoint.headers,
        'content-type': 'text/plain',
      });
      // node:http, not fetch: the hub answers 413 on the declared length alone and closes, and
      // fetch fails the whole request (EPIPE) when that close beats the end of its upload, where
      // node:http has already handed over the answer (seen once in a full run at load ≈ 3).
      const huge = await rawPost(
        hub,
        endpoint.path,
        JSON.stringify({ pad: 'x'.repeat(600 * 1024) }),
        endpoint.headers,
      );
      const foreign = await send(hub, endpoint.path, endpoint.body, {
        ...endpoint.headers,
        origin: 'https://evil.example',
      });
      const rebound = await rawPost(hub, endpoint.path, endpoint.body, {
        ...endpoint.headers,
        host: 'evil.example',
      });
      expect([endpoint.name, wrong.status, text.status, huge, foreign.status, rebound]).toEqual([
        endpoint.name,
        401,
        415,
        413,
        403,
        421,
      ]);
      expect(((await text.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    }
  });
});

describe('rate limits and lockout', { timeout: 120_000 }, () => {
  it('limits deliveries per sender on every endpoint: 429 with Retry-After', async () => {
    for (const endpoint of ENDPOINTS) {
      // A fresh hub per endpoint: the limit is per sending address, shared by all of them.
      const hub = await hubWith(['--ingest-rate-limit', '1']);
      const statuses = await Promise.all(
        Array.from({ length: 6 }, () => send(hub, endpoint.path, endpoint.body, endpoint.headers)),
      );
      const limited = statuses.find((answer) => answer.status === 429);
      expect([endpoint.name, limited?.headers.get('retry-after')]).toEqual([
        endpoint.name,
        expect.stringMatching(/^\d+$/),
      ]);
      expect(new Set(statuses.map((answer) => answer.status))).toEqual(new Set([endpoint.accepted, 429]));
      await hub.kill();
    }
  });

  it('locks out an address that keeps sending wrong credentials, on every endpoint', async () => {
    for (const endpoint of ENDPOINTS) {
      const hub = await hubWith();
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++)
        statuses.push((await send(hub, endpoint.path, endpoint.wrong.body, endpoint.wrong.headers)).status);
      expect([endpoint.name, statuses.slice(0, 20).every((s) => s === 401), statuses.at(-1)]).toEqual([
        endpoint.name,
        true,
        429,
      ]);
      // Locked out even with the right credentials.
      expect((await send(hub, endpoint.path, endpoint.body, endpoint.headers)).status).toBe(429);
      await hub.kill();
    }
  });
});

describe('signed change events', { timeout: 90_000 }, () => {
  it('refuses an unsigned or wrongly signed change from a signing integration and takes a signed one', async () => {
    const secret = 'change-secret';
    const hub = await hubWith([], {
      hmacEnv: 'SITROOM_TEST_CHANGE_HMAC',
      env: { SITROOM_TEST_CHANGE_HMAC: secret },
    });
    const stamp = Math.floor(Date.now() / 1000);
    for (const endpoint of ENDPOINTS.filter((candidate) => candidate.name.endsWith('change'))) {
      const unsigned = await send(hub, endpoint.path, endpoint.body, endpoint.headers);
      const forged = await send(hub, endpoint.path, endpoint.body, {
        ...endpoint.headers,
        'x-sitroom-timestamp': String(stamp),
        'x-sitroom-signature': signIngest('not-the-secret', stamp, endpoint.body),
      });
      const signed = await send(hub, endpoint.path, endpoint.body, {
        ...endpoint.headers,
        'x-sitroom-timestamp': String(stamp),
        'x-sitroom-signature': signIngest(secret, stamp, endpoint.body),
      });
      expect([endpoint.name, unsigned.status, forged.status, signed.status]).toEqual([
        endpoint.name,
        401,
        401,
        202,
      ]);
    }
    expect(await storedChanges(hub, 'checkout-web')).toHaveLength(2);
  });
});

describe('bad change bodies', { timeout: 90_000 }, () => {
  const pd = JSON.parse(sample('pagerduty-change.json')) as Record<string, unknown>;
  const generic = JSON.parse(sample('change.json')) as Record<string, unknown>;
  const cases: ReadonlyArray<[string, string, unknown, Record<string, string>, string]> = [
    ['pd: no summary', '/v2/change/enqueue', { ...pd, payload: { source: 'x' } }, {}, 'payload.summary'],
    ['pd: no payload', '/v2/change/enqueue', { routing_key: ZABBIX_ROUTING_KEY }, {}, 'payload'],
    ['pd: no routing key', '/v2/change/enqueue', { ...pd, routing_key: undefined }, {}, 'routing_key'],
    [
      'pd: bad timestamp',
      '/v2/change/enqueue',
      { ...pd, payload: { summary: 's', source: 'x', timestamp: 'yesterday' } },
      {},
      'payload.timestamp',
    ],
    [
      'pd: no service and no source',
      '/v2/change/enqueue',
      { ...pd, payload: { summary: 's' } },
      {},
      'payload.source',
    ],
    [
      'pd: a javascript: link',
      '/v2/change/enqueue',
      { ...pd, links: [{ href: 'https://ok.example/' }, { href: 'javascript:alert(1)' }] },
      {},
      'links[1].href',
    ],
    ['generic: no service', '/api/v1/ingest/change', { ...generic, service: undefined }, DEPLOYS, 'service'],
    ['generic: unknown kind', '/api/v1/ingest/change', { ...generic, kind: 'rollout' }, DEPLOYS, 'kind'],
    ['generic: bad time', '/api/v1/ingest/change', { ...generic, at: '2026-02-30T00:00:00Z' }, DEPLOYS, 'at'],
    [
      'generic: summary too long',
      '/api/v1/ingest/change',
      { ...generic, summary: 'x'.repeat(1025) },
      DEPLOYS,
      'summary',
    ],
    [
      'generic: a data: link',
      '/api/v1/ingest/change',
      { ...generic, links: [{ href: 'data:text/html,<script>alert(1)</script>' }] },
      DEPLOYS,
      'links[0].href',
    ],
  ];

  it('answers 400 naming the field, and stores nothing', async () => {
    const hub = await hubWith();
    for (const [name, path, body, headers, field] of cases) {
      const answer = await postJson(`${hub.url}${path}`, body, headers);
      expect([name, answer.status, (answer.body as { error?: { path?: string } }).error?.path]).toEqual([
        name,
        400,
        field,
      ]);
    }
    expect(await storedChanges(hub, 'checkout-web')).toEqual([]);
    expect(await storedChanges(hub, 'x')).toEqual([]);
  });

  it('refuses a change from an alert integration’s token (403): changes need a change integration', async () => {
    const hub = await hubWith();
    const answer = await postJson(`${hub.url}/api/v1/ingest/change`, generic, {
      authorization: 'Bearer prom-dc1-token',
    });
    expect(answer.status).toBe(403);
  });
});
