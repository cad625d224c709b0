import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { command, sendCommand } from '../support/commands';
import { copyOfValidConfig, ZABBIX_ROUTING_KEY } from '../support/config-folder';
import { connectConsole } from '../support/console-socket';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// The hub's log goes to journald, Docker and log shippers, read by more people than the tokens
// are meant for. A hub run that uses every kind of credential (user and ingest tokens, wrong
// guesses, a token in a query string, webhook URLs with a password, the open-mode key) must not
// write any of them into its log — except the open-mode key, once, in the ready record.

const firing = readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8');
const USER_TOKENS = ['wall-token', 'alice-token', 'bob-token', 'dana-token', 'eve-token'];
const HOOK_PASSWORD = 'hook-pass-9f8e7d6c5b';
const GUESS = 'guessed-token-0a1b2c3d4e';

let hub: RunningHub | null = null;
afterEach(async () => {
  await hub?.kill();
  hub = null;
});

/** Every JSON record the hub logged; fails on a line that is not one. */
function records(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the hub log', () => {
  it('holds no token, password or guess from a configured hub run, and every line is a JSON record', async () => {
    const configDir = copyOfValidConfig({ webhookBase: `http://hooks:${HOOK_PASSWORD}@127.0.0.1:9` });
    hub = await startHub({ args: ['--config-dir', configDir] });
    const ingest = `${hub.url}/api/v1/ingest/alertmanager`;
    expect((await postJson(ingest, firing, { authorization: 'Bearer prom-dc1-token' })).status).toBe(200);
    expect((await postJson(ingest, firing, { authorization: `Bearer ${GUESS}` })).status).toBe(401);
    expect((await postJson(`${ingest}?token=${GUESS}`, firing)).status).toBe(401);
    const pagerduty = await postJson(`${hub.url}/v2/enqueue`, {
      routing_key: ZABBIX_ROUTING_KEY,
      event_action: 'trigger',
      payload: { summary: 'disk full', source: 'db-1', severity: 'critical' },
    });
    expect(pagerduty.status).toBe(202);
    const list = (await (
      await fetch(`${hub.url}/api/v1/incidents`, { headers: { authorization: 'Bearer eve-token' } })
    ).json()) as { incidents: Array<{ id: string }> };
    const incident = list.incidents[0]?.id ?? '';
    // Notify and page: the team and paging webhooks (with a password in their URL) fail to deliver.
    for (const body of [
      command('acknowledge', incident),
      command('notify_teams', incident),
      command('escalate', incident),
    ])
      await sendCommand(hub.url, body, 'dana-token');
    expect((await sendCommand(hub.url, command('acknowledge', incident), GUESS)).status).toBe(401);
    const wall = await connectConsole(hub.url, 'wall-token');
    wall.close();
    await expect(connectConsole(hub.url, GUESS)).rejects.toThrow();
    hub.process.kill('SIGHUP');
    await expect.poll(() => hub?.output() ?? '', { timeout: 10_000 }).toMatch(/SIGHUP/);
    // The pager tries the webhook whose URL carries a password (sent as Basic authorization, since
    // fetch refuses such a URL): its failure lines name the host, and the scan below proves no
    // line carries the password.
    await expect.poll(() => hub?.output() ?? '', { timeout: 10_000 }).toMatch(/pager: .* 127\.0\.0\.1:9: /);
    await hub.stop();

    const output = hub.output();
    const logged = records(output);
    expect(logged.length).toBeGreaterThan(3);
    expect(
      logged.every((record) => typeof record.level === 'string' && typeof record.time === 'string'),
    ).toBe(true);
    for (const secret of [...USER_TOKENS, 'prom-dc1-token', ZABBIX_ROUTING_KEY, HOOK_PASSWORD, GUESS])
      expect(output, `the log holds ${secret}`).not.toContain(secret);
  });

  it('writes the open-mode key once, in the ready record, and never again', async () => {
    hub = await startHub();
    const key = hub.openKey ?? '';
    expect(key).not.toBe('');
    expect((await hub.api('/api/v1/incidents')).status).toBe(200);
    expect((await fetch(`${hub.url}/api/v1/incidents?token=${key}`)).status).toBe(401);
    const console1 = await connectConsole(hub.url);
    console1.close();
    await hub.stop();
    const output = hub.output();
    expect(output.split(key)).toHaveLength(2);
    const ready = records(output).find((record) => record.msg === 'Sitroom hub ready');
    expect(String(ready?.console)).toContain(`#token=${key}`);
  });
});
