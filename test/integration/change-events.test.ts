import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configWithDeploys, DEPLOYS, firingOn, minutesAgo } from '../support/changes';
import { ZABBIX_ROUTING_KEY } from '../support/config-folder';
import { postJson, type RunningHub, startHub } from '../support/hub';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../support/postgres';

// "What changed before it broke", end to end on the REAL hub: change events in through both
// endpoints, an incident opened by a real Alertmanager body, and the changes read back through the
// incident, the service and the exports — once with the embedded SQLite log and once with a
// throwaway PostgreSQL cluster, since each has its own `changes` table and query.

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const prom = { authorization: 'Bearer prom-dc1-token' };
const eve = { authorization: 'Bearer eve-token' };

interface ChangeView {
  service: string;
  kind: string;
  summary: string;
  by: string | null;
  at: string;
  links: Array<{ href: string; text: string }>;
}

async function hubWithDeploys(args: ReadonlyArray<string> = []): Promise<RunningHub> {
  const dir = configWithDeploys();
  const hub = await startHub({ args: ['--config-dir', dir, ...args] });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => hub.kill());
  return hub;
}

const getJson = async <T>(hub: RunningHub, path: string): Promise<T> => {
  const response = await fetch(`${hub.url}${path}`, { headers: eve });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

/** Sends the scenario's changes and opens an incident on checkout-web; returns its id. */
async function changesThenIncident(hub: RunningHub): Promise<string> {
  const sent = [
    // checkout-web itself, 4 minutes before: the generic endpoint.
    postJson(
      `${hub.url}/api/v1/ingest/change`,
      {
        service: 'checkout-web',
        summary: 'v2.3',
        kind: 'deploy',
        by: 'ci',
        at: minutesAgo(4),
        links: [{ href: 'https://ci.example/run/812', text: 'pipeline' }],
      },
      DEPLOYS,
    ),
    // payments-db, a dependency of a dependency (checkout-web → payments-api → payments-db), found
    // through the catalog's pagerduty_sources for its source: PagerDuty's change endpoint.
    postJson(`${hub.url}/v2/change/enqueue`, {
      routing_key: ZABBIX_ROUTING_KEY,
      payload: {
        summary: 'max_connections 200 → 100',
        source: 'pg-pay-01.dc1',
        timestamp: minutesAgo(20),
        custom_details: { kind: 'config', author: 'dana' },
      },
      links: [{ href: 'https://git.example/infra/commit/abc', text: 'commit' }],
    }),
    // Not a dependency of checkout-web: search-api.
    postJson(
      `${hub.url}/api/v1/ingest/change`,
      { service: 'search-api', summary: 'v9', kind: 'deploy', at: minutesAgo(3) },
      DEPLOYS,
    ),
    // A dependency, but 90 minutes before: outside the hour.
    postJson(
      `${hub.url}/api/v1/ingest/change`,
      { service: 'payments-api', summary: 'flag new-router on', kind: 'flag', at: minutesAgo(90) },
      DEPLOYS,
    ),
    // edge-lb, a direct dependency, a minute before.
    postJson(
      `${hub.url}/api/v1/ingest/change`,
      { service: 'edge-lb', summary: 'haproxy 2.9', kind: 'deploy', at: minutesAgo(1) },
      DEPLOYS,
    ),
  ];
  for (const answer of await Promise.all(sent)) expect(answer.status).toBe(202);
  const opened = await postJson(
    `${hub.url}/api/v1/ingest/alertmanager`,
    firingOn('checkout-web', 'c1'),
    prom,
  );
  expect(opened.status).toBe(200);
  const list = await getJson<{ incidents: Array<{ id: string; services: string[] }> }>(
    hub,
    '/api/v1/incidents',
  );
  const incident = list.incidents.find((candidate) => candidate.services.includes('checkout-web'));
  expect(incident).toBeDefined();
  return incident?.id ?? '';
}

async function expectChangesBefore(hub: RunningHub): Promise<void> {
  const id = await changesThenIncident(hub);
  const detail = await getJson<{ changes: ChangeView[] }>(hub, `/api/v1/incidents/${id}`);
  // Newest first; search-api (no dependency) and the 90-minute-old flag (outside the hour) absent.
  expect(detail.changes.map((change) => [change.service, change.kind, change.summary, change.by])).toEqual([
    ['edge-lb', 'deploy', 'haproxy 2.9', null],
    ['checkout-web', 'deploy', 'v2.3', 'ci'],
    ['payments-db', 'config', 'max_connections 200 → 100', 'dana'],
  ]);
  expect(detail.changes[1]?.links).toEqual([{ href: 'https://ci.example/run/812', text: 'pipeline' }]);
  expect(Date.parse(detail.changes[1]?.at ?? '')).toBeGreaterThan(Date.now() - 5 * 60_000);

  const own = await getJson<{ changes: ChangeView[] }>(hub, `/api/v1/incidents/${id}/changes`);
  expect(own.changes).toEqual(detail.changes);

  // The map's side panel: one service's changes of the last day, dependencies not included.
  const panel = await getJson<{ changes: ChangeView[] }>(hub, '/api/v1/services/payments-api/changes');
  expect(panel.changes.map((change) => change.summary)).toEqual(['flag new-router on']);

  // The timeline exports carry them.
  const markdown = await (
    await fetch(`${hub.url}/api/v1/incidents/${id}/timeline.md`, { headers: eve })
  ).text();
  expect(markdown).toContain('## Changes before');
  expect(markdown).toMatch(/deploy checkout-web v2\.3 by ci \| 4 min before/);
  const csv = await (await fetch(`${hub.url}/api/v1/incidents/${id}/timeline.csv`, { headers: eve })).text();
  expect(csv).toMatch(
    /,ci,change,"?deploy checkout-web v2\.3 by ci, 4 min before \(pipeline: https:\/\/ci\.example\/run\/812\)/,
  );
  const html = await (
    await fetch(`${hub.url}/api/v1/incidents/${id}/timeline.html`, { headers: eve })
  ).text();
  expect(html).toContain('<h2>Changes before</h2>');
  expect(html).toContain('max_connections 200 → 100');

  // Changes are events of no incident: the incident's own timeline does not list them.
  const events = await getJson<{ events: Array<{ type: string }> }>(hub, `/api/v1/incidents/${id}/events`);
  expect(events.events.some((event) => event.type === 'change_recorded')).toBe(false);
}

describe('changes before an incident, SQLite', { timeout: 90_000 }, () => {
  it('shows the changes to its services and their dependencies in the hour before it opened', async () => {
    await expectChangesBefore(await hubWithDeploys());
  });

  it('keeps them across a restart (the changes table is on disk)', async () => {
    const dir = configWithDeploys();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = await startHub({ args: ['--config-dir', dir] });
    cleanups.push(() => first.kill());
    const sent = await postJson(
      `${first.url}/api/v1/ingest/change`,
      { service: 'kafka', summary: 'broker 3 replaced', kind: 'config', at: minutesAgo(2) },
      DEPLOYS,
    );
    expect(sent.status).toBe(202);
    await first.stop();
    const second = await startHub({ args: ['--config-dir', dir], dataDir: first.dataDir });
    cleanups.push(() => second.kill());
    const panel = await getJson<{ changes: ChangeView[] }>(second, '/api/v1/services/kafka/changes');
    expect(panel.changes.map((change) => change.summary)).toEqual(['broker 3 replaced']);
  });
});

const pgMissing = postgresMissing();
describe.skipIf(pgMissing !== null)(
  `changes before an incident, PostgreSQL${pgMissing ? ` (skipped: ${pgMissing})` : ''}`,
  { timeout: 120_000 },
  () => {
    let postgres: ThrowawayPostgres | null = null;
    beforeAll(async () => {
      postgres = await startPostgres();
    }, 60_000);
    afterAll(() => postgres?.destroy());

    it('shows the changes to its services and their dependencies in the hour before it opened', async () => {
      const url = await (postgres as ThrowawayPostgres).createDatabase('changes');
      await expectChangesBefore(await hubWithDeploys(['--database-url', url]));
    });
  },
);
