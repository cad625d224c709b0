import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyOfExamples,
  EXAMPLE_CI_ROUTING_KEY,
  EXAMPLE_ROUTING_KEY,
  exampleToken,
} from '../support/examples';
import { logRecords, postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// examples/ as a NOC would use it: the real hub started with --config-dir on it, signing people
// in with their tokens, taking each sample webhook body with its integration's credentials and
// mapping it into the catalog, paging the rotation member on call, and warning about the
// catalog's dependency cycle once at start and once per reload.

const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(samplesDir, name), 'utf8')) as Record<string, unknown>;
const CYCLE_WARNING = 'dependency cycle auth-api → user-service → auth-api';

let hub: RunningHub;
let folder: string;
beforeAll(async () => {
  folder = copyOfExamples();
  hub = await startHub({ args: ['--config-dir', folder] });
}, 30_000);
afterAll(async () => {
  await hub.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function get<T>(path: string, token = exampleToken('wall-noc')): Promise<T> {
  const response = await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

interface IncidentSummary {
  id: string;
  title: string;
  severity: string;
  services: string[];
}
const openIncidents = async () =>
  (await get<{ incidents: IncidentSummary[] }>('/api/v1/incidents')).incidents;

describe('the example configuration, loaded by the real hub', () => {
  it('starts with the whole estate, warning once about its dependency cycle with file and line', async () => {
    const warnings = logRecords(hub.output()).filter((record) => record.msg.includes(CYCLE_WARNING));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe('warn');
    expect(warnings[0]?.msg).toMatch(/^config: warning: services\.yaml:\d+: dependency cycle/);
    const catalog = await get<{ services: unknown[]; teams: Array<{ id: string }> }>('/api/v1/catalog');
    expect(catalog.services.length).toBeGreaterThanOrEqual(20);
    expect(catalog.services.length).toBeLessThanOrEqual(40);
    expect(catalog.teams.length).toBeGreaterThanOrEqual(5);
    expect(catalog.teams.length).toBeLessThanOrEqual(8);
    const session = await get<{ user: { id: string; role: string }; openMode: boolean }>(
      '/api/v1/session',
      exampleToken('dana'),
    );
    expect(session).toEqual({
      user: { id: 'dana', name: 'Dana Reyes', role: 'commander' },
      openMode: false,
      silenceRole: 'commander',
      silenceApis: [],
    });
    const refused = await fetch(`${hub.url}/api/v1/session`, { headers: { authorization: 'Bearer nope' } });
    expect(refused.status).toBe(401);
  });

  it('takes the Alertmanager sample with its token and pages the data platform on-call', async () => {
    const unsigned = await postJson(
      `${hub.url}/api/v1/ingest/alertmanager`,
      sample('alertmanager-firing.json'),
    );
    expect(unsigned.status).toBe(401);
    const answer = await postJson(
      `${hub.url}/api/v1/ingest/alertmanager`,
      sample('alertmanager-firing.json'),
      {
        authorization: `Bearer ${exampleToken('alertmanager')}`,
      },
    );
    expect(answer.status).toBe(200);
    const incident = (await openIncidents()).find((candidate) => candidate.services.includes('payments-db'));
    expect(incident?.severity).toBe('sev1');
    type Escalations = {
      escalations: Array<{ incidentId: string; policyId: string; pagedUserIds: string[] }>;
      oncall: Array<{ rotationId: string; userId: string }>;
    };
    // The escalation starts in a commit of its own, right after the one the 2xx waited for.
    let view: Escalations = { escalations: [], oncall: [] };
    for (let tries = 0; tries < 100; tries++) {
      view = await get<Escalations>('/api/v1/escalations');
      if (view.escalations.some((escalation) => escalation.incidentId === incident?.id)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { escalations, oncall } = view;
    const running = escalations.find((escalation) => escalation.incidentId === incident?.id);
    expect(running?.policyId).toBe('data-critical');
    const dataOnCall = oncall.find((entry) => entry.rotationId === 'data-platform-oncall')?.userId;
    expect(['fatima', 'noah', 'eve']).toContain(dataOnCall);
    expect(running?.pagedUserIds).toEqual([dataOnCall]);
    const runbook = await get<{ name: string; steps: unknown[] }>(
      `/api/v1/incidents/${incident?.id}/runbook`,
    );
    expect(runbook.name).toBe('payments-db.md');
    expect(runbook.steps.length).toBeGreaterThan(5);
  });

  it('maps the PagerDuty sample to the edge load balancers by its source, with the routing key', async () => {
    const answer = await postJson(`${hub.url}/v2/enqueue`, sample('pagerduty-trigger.json'));
    expect(answer.status).toBe(202);
    expect(sample('pagerduty-trigger.json').routing_key).toBe(EXAMPLE_ROUTING_KEY);
    const incident = (await openIncidents()).find((candidate) => candidate.title.includes('lb-edge-4'));
    expect(incident?.services).toEqual(['edge-lb']);
  });

  it("maps the Grafana sample by its service_name label and Grafana's own severity words", async () => {
    const answer = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, sample('grafana-firing.json'), {
      authorization: `Bearer ${exampleToken('grafana')}`,
    });
    expect(answer.status).toBe(200);
    const incident = (await openIncidents()).find((candidate) => candidate.services.includes('checkout-web'));
    expect(incident?.severity).toBe('sev1');
  });

  it("takes both change samples with the examples' own credentials, as the examples README shows", async () => {
    const generic = await postJson(`${hub.url}/api/v1/ingest/change`, sample('change.json'), {
      authorization: `Bearer ${exampleToken('deploys')}`,
    });
    expect(generic.status).toBe(202);
    expect(sample('pagerduty-change.json').routing_key).toBe(EXAMPLE_CI_ROUTING_KEY);
    const pagerduty = await postJson(`${hub.url}/v2/change/enqueue`, sample('pagerduty-change.json'));
    expect(pagerduty).toEqual({
      status: 202,
      body: { status: 'success', message: 'Change event processed' },
    });
  });

  it('warns about the cycle again, once, when the folder is reloaded', async () => {
    const before = hub.output().split(CYCLE_WARNING).length;
    const users = join(folder, 'users.yaml');
    writeFileSync(users, `${readFileSync(users, 'utf8')}\n# edited\n`);
    await expect.poll(() => hub.output().split(CYCLE_WARNING).length, { timeout: 10_000 }).toBe(before + 1);
    // Nothing more follows for the same reload.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(hub.output().split(CYCLE_WARNING).length).toBe(before + 1);
  });
});
