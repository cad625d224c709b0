import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signIngest } from '../../server/auth/ingest-signature';
import { SOCKET_EVENTS } from '../../shared/protocol';
import { copyOfValidConfig } from '../support/config-folder';
import { connectConsole } from '../support/console-socket';
import { postJson, type RunningHub, repoRoot, samplesDir, startHub } from '../support/hub';

// Sessions follow the configuration, the configuration never opens a hub by accident, guessing
// is slowed to a crawl, and the wire can be encrypted: the REAL hub process, a real config folder
// edited while it runs, real sockets.

const WAIT = { timeout: 10_000, interval: 50 };
const firing = readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8');
const prom = { authorization: 'Bearer prom-dc1-token' };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function configuredHub(
  args: ReadonlyArray<string> = [],
  env: Record<string, string> = {},
): Promise<{ hub: RunningHub; dir: string }> {
  const dir = copyOfValidConfig();
  const hub = await startHub({ args: ['--config-dir', dir, ...args], env });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => hub.kill());
  return { hub, dir };
}

/** users.yaml without one person, or with one person's role changed. */
function editUsers(dir: string, edit: (text: string) => string): void {
  const path = join(dir, 'users.yaml');
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

const get = (hub: RunningHub, path: string, token?: string) =>
  fetch(`${hub.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('sessions follow the configuration', { timeout: 90_000 }, () => {
  it('cuts the live stream of a user removed from users.yaml, who is then refused', async () => {
    const { hub, dir } = await configuredHub();
    const wall = await connectConsole(hub.url, 'wall-token');
    await wall.hello({ clientId: 'wall', hubId: null, lastSeq: 0 });
    const gone = new Promise<void>((resolve) => wall.socket.once('disconnect', () => resolve()));
    editUsers(dir, (text) => text.replace(/ {2}- id: wall\n(?: {4}.*(?:\n|$))+/, ''));
    await gone;
    expect(hub.output()).toMatch(/closed the live stream of wall: its token is no longer accepted/);
    // The stream stays shut: what monitoring sends next never reaches the removed user.
    expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing, prom)).status).toBe(200);
    expect(wall.live).toEqual([]);
    await expect(connectConsole(hub.url, 'wall-token')).rejects.toThrow('unauthorized');
    expect((await get(hub, '/api/v1/session', 'wall-token')).status).toBe(401);
    wall.close();
  });

  it('cuts the stream of a user whose role dropped; reconnecting gives the new role', async () => {
    const { hub, dir } = await configuredHub();
    const alice = await connectConsole(hub.url, 'alice-token');
    const gone = new Promise<void>((resolve) => alice.socket.once('disconnect', () => resolve()));
    editUsers(dir, (text) => text.replace(/(- id: alice\n(?: {4}.*\n)*? {4}role: )operator/, '$1viewer'));
    await gone;
    expect(hub.output()).toMatch(/closed the live stream of alice: its role dropped from operator to viewer/);
    const again = await connectConsole(hub.url, 'alice-token');
    const answer = await again.socket.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, {
      commandId: '01JD0000000000000000000000',
      type: 'acknowledge',
      incidentId: 'INC-1',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    again.close();
    alice.close();
  });

  it('keeps a configured hub configured when users.yaml is deleted while it runs', async () => {
    // Only users and integrations: nothing else refers to the users, so the folder without
    // users.yaml would load fine, as an open hub — which the hub must refuse to become.
    const dir = copyOfValidConfig();
    for (const file of ['services.yaml', 'escalation.yaml']) rmSync(join(dir, file));
    rmSync(join(dir, 'runbooks'), { recursive: true, force: true });
    const hub = await startHub({ args: ['--config-dir', dir] });
    cleanups.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => hub.kill(),
    );
    const dana = await connectConsole(hub.url, 'dana-token');
    rmSync(join(dir, 'users.yaml'));
    await vi.waitFor(() => expect(hub.output()).toMatch(/RELOAD REFUSED.*users\.yaml is gone/), WAIT);
    // Not open: no token is still no entry, and the people who were signed in stay signed in.
    expect((await get(hub, '/api/v1/session')).status).toBe(401);
    expect(await (await get(hub, '/api/v1/session', 'dana-token')).json()).toMatchObject({ openMode: false });
    expect(dana.socket.connected).toBe(true);
    await expect(connectConsole(hub.url, null)).rejects.toThrow('unauthorized');
    dana.close();
  });

  it('says loudly at start that ingest needs no credentials when users.yaml has no integrations.yaml beside it', async () => {
    const dir = copyOfValidConfig();
    rmSync(join(dir, 'integrations.yaml'));
    const hub = await startHub({ args: ['--config-dir', dir] });
    cleanups.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => hub.kill(),
    );
    expect(hub.output()).toMatch(/WARNING: users\.yaml exists but integrations\.yaml lists no integrations/);
  });
});

describe('guessing', { timeout: 90_000 }, () => {
  it('locks an address out after ten wrong tokens: 429 with Retry-After, even for a right one', async () => {
    const { hub } = await configuredHub();
    // All at once, so the one-every-6-s refill cannot blur the count on a slow machine.
    const guesses = await Promise.all(
      Array.from({ length: 14 }, (_, i) => get(hub, '/api/v1/session', `guess-${i}`)),
    );
    const statuses = guesses.map((guess) => guess.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    const locked = await get(hub, '/api/v1/session', 'dana-token');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await locked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // The socket handshake is the same door.
    await expect(connectConsole(hub.url, 'dana-token')).rejects.toThrow();
    // Monitoring is counted apart: a locked-out person does not stop alerts.
    expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing, prom)).status).toBe(200);
  });

  it('behind a trusted proxy, counts each client apart; without one, X-Forwarded-For changes nothing', async () => {
    const guess = (hub: RunningHub, client: string, token: string) =>
      fetch(`${hub.url}/api/v1/session`, {
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': client },
      });
    const { hub: proxied } = await configuredHub(['--trusted-proxy', '127.0.0.1']);
    const guesses = await Promise.all(
      Array.from({ length: 14 }, (_, i) => guess(proxied, '198.51.100.7', `guess-${i}`)),
    );
    expect(guesses.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(4);
    expect((await guess(proxied, '198.51.100.7', 'dana-token')).status).toBe(429);
    // A colleague behind the same proxy is not locked out by someone else's guesses.
    expect((await guess(proxied, '198.51.100.8', 'dana-token')).status).toBe(200);

    // Without --trusted-proxy a guesser cannot escape the lockout by writing the header.
    const { hub: direct } = await configuredHub();
    await Promise.all(Array.from({ length: 14 }, (_, i) => guess(direct, `198.51.100.${i}`, `guess-${i}`)));
    expect((await guess(direct, '198.51.100.99', 'dana-token')).status).toBe(429);
  });

  it('limits ingest per sender with 429 and Retry-After, storing nothing it refused', async () => {
    const { hub } = await configuredHub(['--ingest-rate-limit', '1']);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postJson(
          `${hub.url}/api/v1/ingest/alertmanager`,
          firing.replace('PostgresReplicationLag\\", service', `Lag${i}\\", service`),
          prom,
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    // A burst of two, then one a second.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
    expect(new Set(statuses)).toEqual(new Set([200, 429]));
    const incidents = (await (await get(hub, '/api/v1/incidents?status=all', 'eve-token')).json()) as {
      incidents: unknown[];
    };
    expect(incidents.incidents).toHaveLength(statuses.filter((status) => status === 200).length);
  });

  it('limits commands per user with 429 over HTTP', async () => {
    // One a second (bursts of six), so the test does not depend on how fast this machine is.
    const { hub } = await configuredHub(['--command-rate-limit', '1']);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${hub.url}/api/v1/commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer alice-token' },
          body: JSON.stringify({
            commandId: `01JD${String(i).padStart(22, '0')}`,
            type: 'acknowledge',
            incidentId: 'INC-404',
          }),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 404).length).toBeGreaterThanOrEqual(6);
    const limited = answers.find((answer) => answer.status === 429);
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(new Set(statuses)).toEqual(new Set([404, 429]));
  });
});

describe('signed ingest', { timeout: 90_000 }, () => {
  it('takes a delivery signed with the integration’s secret and refuses an unsigned one', async () => {
    const dir = copyOfValidConfig();
    const integrations = join(dir, 'integrations.yaml');
    writeFileSync(
      integrations,
      readFileSync(integrations, 'utf8').replace(
        '  - id: prom-dc1\n    kind: alertmanager\n',
        '  - id: prom-dc1\n    kind: alertmanager\n    hmac_secret_env: SITROOM_TEST_HMAC\n',
      ),
    );
    const hub = await startHub({ args: ['--config-dir', dir], env: { SITROOM_TEST_HMAC: 'shared-secret' } });
    cleanups.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => hub.kill(),
    );
    const unsigned = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing, prom);
    expect(unsigned.status).toBe(401);
    const stamp = Math.floor(Date.now() / 1000);
    const signed = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing, {
      ...prom,
      'x-sitroom-timestamp': String(stamp),
      'x-sitroom-signature': signIngest('shared-secret', stamp, firing),
    });
    expect(signed.status).toBe(200);
  });
});

describe('the wire', { timeout: 90_000 }, () => {
  const tls = join(repoRoot, 'test', 'fixtures', 'tls');

  it('is HTTPS with --tls-cert and --tls-key', async () => {
    const hub = await startHub({
      args: ['--tls-cert', join(tls, 'hub-cert.pem'), '--tls-key', join(tls, 'hub-key.pem')],
    });
    cleanups.push(() => hub.kill());
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = readFileSync(join(tls, 'hub-cert.pem'));
    const status = await new Promise<number>((resolve, reject) => {
      request(`${hub.url}/healthz`, { ca }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
  });

  it('is refused beyond loopback in clear, unless the hub is told --insecure-http', async () => {
    const dir = copyOfValidConfig();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await expect(startHub({ args: ['--config-dir', dir, '--host', '0.0.0.0'] })).rejects.toThrow(
      /not loopback: give --tls-cert and --tls-key/,
    );
    const hub = await startHub({ args: ['--config-dir', dir, '--host', '0.0.0.0', '--insecure-http'] });
    cleanups.push(() => hub.kill());
    expect(hub.output()).toMatch(/WARNING: --insecure-http/);
  });
});
