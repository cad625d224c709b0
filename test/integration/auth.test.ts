import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_RUNBOOK_HEADER } from '../../shared/api';
import { COMMAND_ROLE, type CommandType } from '../../shared/commands';
import { HubClient } from '../../shared/hub-client';
import { hasRole, type Role } from '../../shared/roles';
import { command, sendCommand, sendOverSocket } from '../support/commands';
import { copyOfValidConfig, ZABBIX_ROUTING_KEY } from '../support/config-folder';
import { connectConsole } from '../support/console-socket';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// Authentication and roles against the real hub with a real configuration folder.

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;
const promAuth = { authorization: 'Bearer prom-dc1-token' };
const tokenOf: Record<Role, string> = {
  viewer: 'wall-token',
  operator: 'alice-token',
  commander: 'dana-token',
  admin: 'eve-token',
};

let hub: RunningHub;
let configDir: string;
beforeEach(async () => {
  configDir = copyOfValidConfig();
  hub = await startHub({ args: ['--config-dir', configDir] });
});
afterEach(async (context) => {
  // A failing test shows what the hub said.
  if (context.task.result?.state === 'fail') console.log(hub.output());
  await hub.kill();
});

async function openIncident(groupKey = 'g1'): Promise<string> {
  const answer = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, { ...firing, groupKey }, promAuth);
  expect(answer.status).toBe(200);
  const list = (await (
    await hub.api(`/api/v1/incidents`, { headers: { authorization: 'Bearer eve-token' } })
  ).json()) as { incidents: Array<{ id: string }> };
  return list.incidents[0]?.id ?? '';
}

describe('ingest credentials', () => {
  it('refuses deliveries without or with the wrong credentials, and stores nothing', async () => {
    const none = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
    expect(none).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const wrong = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing, {
      authorization: 'Bearer guess',
    });
    expect(wrong.status).toBe(401);
    const pd = await postJson(`${hub.url}/v2/enqueue`, {
      routing_key: 'R0WRONGKEYabcdefghijklmnopqrstuv',
      event_action: 'trigger',
      payload: { summary: 's', source: 'x', severity: 'error' },
    });
    expect(pd).toMatchObject({ status: 401, body: { error: { path: 'routing_key' } } });
    const list = await hub.api(`/api/v1/incidents?status=all`, {
      headers: { authorization: 'Bearer eve-token' },
    });
    expect(((await list.json()) as { incidents: unknown[] }).incidents).toEqual([]);
  });

  it('accepts Bearer, basic auth and a PagerDuty routing key, recording which integration sent it', async () => {
    const basic = `Basic ${Buffer.from('alertmanager:prom-dc1-token').toString('base64')}`;
    expect(
      (await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing, { authorization: basic })).status,
    ).toBe(200);
    const pd = await postJson(`${hub.url}/v2/enqueue`, {
      routing_key: ZABBIX_ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: 'edge-1',
      payload: { summary: 'Packet loss', source: 'lb-edge-4.dc1', severity: 'error' },
    });
    expect(pd.status).toBe(202);
    const events = (await (
      await hub.api(`/api/v1/incidents/INC-1/events`, {
        headers: { authorization: 'Bearer wall-token' },
      })
    ).json()) as { events: Array<{ actor: unknown }> };
    expect(events.events[0]?.actor).toEqual({ kind: 'integration', id: 'prom-dc1' });
  });
});

describe('console authentication', () => {
  it('needs a token for the API and the socket, and says who you are', async () => {
    expect((await hub.api(`/api/v1/incidents`)).status).toBe(401);
    const session = await hub.api(`/api/v1/session`, {
      headers: { authorization: 'Bearer dana-token' },
    });
    expect(await session.json()).toEqual({
      user: { id: 'dana', name: 'Dana Reyes', role: 'commander' },
      openMode: false,
      silenceRole: 'commander',
      // The fixture's prom-dc1 has no api_url: nothing can be silenced from this hub.
      silenceApis: [],
    });
    await expect(connectConsole(hub.url)).rejects.toThrow('unauthorized');
  });

  it('answers 204 when no runbook applies to a console that reads it, and 404 for no such incident', async () => {
    // search-api has no runbook. 204 rather than 404, so the console's request for it is not a
    // failed request in the browser's console each time such an incident opens. A console from
    // before 204 (a tab open across the upgrade, a desktop app not yet updated) does not say it
    // reads one: it parsed the empty body as JSON, failed, and lost the incident's timeline, so
    // it gets the 404 it always did.
    const alerts = (firing.alerts as Array<{ labels: Record<string, string> }>).map((alert) => ({
      ...alert,
      labels: { ...alert.labels, service: 'search-api' },
    }));
    const answer = await postJson(
      `${hub.url}/api/v1/ingest/alertmanager`,
      { ...firing, groupKey: 'no-runbook', alerts, commonLabels: { service: 'search-api' } },
      promAuth,
    );
    expect(answer.status).toBe(200);
    const list = (await (
      await hub.api('/api/v1/incidents', { headers: { authorization: 'Bearer eve-token' } })
    ).json()) as { incidents: Array<{ id: string; services: string[] }> };
    const incident = list.incidents.find((each) => each.services.includes('search-api'));
    const none = await hub.api(`/api/v1/incidents/${incident?.id}/runbook`, {
      headers: { authorization: 'Bearer wall-token', [NO_RUNBOOK_HEADER]: '204' },
    });
    expect(none.status).toBe(204);
    expect(await none.text()).toBe('');
    // The console's own client, as both hosts use it: no runbook, and nothing failed.
    const client = new HubClient(hub.url, () => 'wall-token');
    expect((await client.incidentRecord(incident?.id ?? '')).runbook).toBeNull();
    const older = await hub.api(`/api/v1/incidents/${incident?.id}/runbook`, {
      headers: { authorization: 'Bearer wall-token' },
    });
    expect(older.status).toBe(404);
    const unknown = await hub.api('/api/v1/incidents/INC-999999/runbook', {
      headers: { authorization: 'Bearer wall-token' },
    });
    expect(unknown.status).toBe(404);
  });

  it("serves the runbook of the incident's service with its checklist", async () => {
    const id = await openIncident();
    const runbook = await hub.api(`/api/v1/incidents/${id}/runbook`, {
      headers: { authorization: 'Bearer wall-token' },
    });
    expect(runbook.status).toBe(200);
    const body = (await runbook.json()) as { name: string; steps: Array<{ id: string }> };
    expect(body.name).toBe('payments-db.md');
    const step = body.steps[0]?.id ?? '';
    const done = await sendCommand(
      hub.url,
      command('complete_runbook_step', id, { stepId: step }),
      'alice-token',
    );
    expect(done.answer.ok).toBe(true);
  });
});

describe('who can be named', () => {
  it('names no viewer (a wall display) as commander or responder, and does not offer one', async () => {
    const id = await openIncident();
    const people = (await (
      await hub.api(`/api/v1/users`, { headers: { authorization: 'Bearer dana-token' } })
    ).json()) as { users: Array<{ id: string }> };
    expect(people.users.map((user) => user.id).sort()).toEqual(['alice', 'bob', 'dana', 'eve']);
    for (const type of ['assign_commander', 'add_responder'] as const) {
      const refused = await sendCommand(hub.url, command(type, id, { userId: 'wall' }), 'dana-token');
      expect(refused).toMatchObject({ status: 409, answer: { ok: false, error: { code: 'conflict' } } });
      if (!refused.answer.ok)
        expect(refused.answer.error.message).toBe(
          `NOC wall display is a viewer (a wall or read-only account) and can change nothing, so cannot take part in ${id}.`,
        );
    }
    const named = await sendCommand(hub.url, command('add_responder', id, { userId: 'bob' }), 'dana-token');
    expect(named.answer.ok).toBe(true);
  });
});

describe('the role matrix', () => {
  // Each role tries each command; the hub must refuse exactly those above the role, over HTTP and the socket.
  const types = Object.keys(COMMAND_ROLE) as CommandType[];
  const fields: Partial<Record<CommandType, Record<string, unknown>>> = {
    assign_commander: { userId: 'dana' },
    add_responder: { userId: 'bob' },
    remove_responder: { userId: 'bob' },
    set_severity: { severity: 'sev2' },
    add_note: { text: 'checking' },
    set_status: { status: 'identified' },
    merge: { intoIncidentId: 'INC-2' },
    escalate: {},
    complete_runbook_step: { stepId: 'nope' },
    silence: { minutes: 30, comment: 'noisy during the incident' },
    expire_silence: { silenceId: 'a1b2c3d4-0000-4000-8000-000000000000' },
  };
  for (const role of ['viewer', 'operator', 'commander', 'admin'] as const) {
    it(`${role}: refused exactly the commands above its role`, async () => {
      const id = await openIncident('g1');
      await openIncident('g2');
      const socket = await connectConsole(hub.url, tokenOf[role]);
      try {
        for (const type of types) {
          const body = command(type, id, fields[type] ?? {});
          const viaHttp = await sendCommand(hub.url, body, tokenOf[role]);
          const viaSocket = await sendOverSocket(socket, command(type, id, fields[type] ?? {}));
          const allowed = hasRole(role, COMMAND_ROLE[type]);
          for (const answer of [viaHttp.answer, viaSocket]) {
            const forbidden = !answer.ok && answer.error.code === 'forbidden';
            expect({ type, role, forbidden }).toEqual({ type, role, forbidden: !allowed });
          }
          if (!allowed) expect(viaHttp.status).toBe(403);
        }
      } finally {
        socket.close();
      }
    });
  }
});

describe('configuration reload', () => {
  it('applies a good change on SIGHUP and keeps the last good config after a bad one', async () => {
    const usersFile = join(configDir, 'users.yaml');
    const original = readFileSync(usersFile, 'utf8');
    // Demote alice to viewer.
    writeFileSync(
      usersFile,
      original.replace(/(id: alice\n\s+name: Alice Moreau\n\s+role:) operator/, '$1 viewer'),
    );
    hub.process.kill('SIGHUP');
    await expect
      .poll(async () => (await sendCommand(hub.url, command('acknowledge', 'INC-1'), 'alice-token')).status)
      .toBe(403);

    writeFileSync(usersFile, `${original}\n  - id: BAD ID\n`);
    hub.process.kill('SIGHUP');
    await expect.poll(() => hub.output()).toMatch(/users\.yaml:\d+: /);
    const stillViewer = await sendCommand(hub.url, command('acknowledge', 'INC-1'), 'alice-token');
    expect(stillViewer.status).toBe(403);
  });

  it('refuses to start with a broken config and names file and line', async () => {
    const broken = copyOfValidConfig();
    const services = join(broken, 'services.yaml');
    writeFileSync(
      services,
      readFileSync(services, 'utf8').replace(
        'depends_on: [payments-db, kafka]',
        'depends_on: [payments-dbb, kafka]',
      ),
    );
    await expect(startHub({ args: ['--config-dir', broken] })).rejects.toThrow(
      /services\.yaml:\d+: .*payments-dbb/,
    );
  });
});
