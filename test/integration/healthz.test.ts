import { hostname, userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { copyOfValidConfig } from '../support/config-folder';
import { type RunningHub, startHub } from '../support/hub';

// /healthz answers anyone (load balancers have no token). It used to show every caller the data
// folder's path (the SQLite file), or PostgreSQL's user, host and database, the store's failure
// text, the consoles connected and the other hubs. Now anyone gets what a balancer and a probe
// need, and only an admin's token gets the detail.

async function healthz(hub: RunningHub, authorization?: string) {
  const response = await fetch(`${hub.url}/healthz`, authorization ? { headers: { authorization } } : {});
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> };
}

describe('/healthz on a hub with users.yaml', () => {
  let hub: RunningHub;
  let configDir: string;
  beforeAll(async () => {
    configDir = copyOfValidConfig();
    hub = await startHub({ args: ['--config-dir', configDir] });
  });
  afterAll(async () => {
    await hub.kill();
  });

  it('tells anyone the status, store kind, leadership, config hash and version, and no paths or names', async () => {
    const anonymous = await healthz(hub);
    expect(anonymous.status).toBe(200);
    expect(Object.keys(anonymous.body).sort()).toEqual(
      ['configHash', 'instance', 'leader', 'leading', 'status', 'store', 'version', 'warnings'].sort(),
    );
    expect(anonymous.body).toMatchObject({
      status: 'ok',
      version: packageJson.version,
      store: { kind: 'sqlite', ok: true },
      leading: true,
      configHash: expect.stringMatching(/^[0-9a-f]+$/),
      warnings: [],
    });
    expect(anonymous.body.store).toEqual({ kind: 'sqlite', ok: true });
    for (const secret of [hub.dataDir, configDir, 'sitroom.db', hostname(), `/${userInfo().username}/`])
      expect(anonymous.text, secret).not.toContain(secret);
  });

  it('gives a signed-in user below admin the same summary', async () => {
    const anonymous = await healthz(hub);
    for (const token of ['wall-token', 'dana-token']) {
      const answer = await healthz(hub, `Bearer ${token}`);
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body).sort()).toEqual(Object.keys(anonymous.body).sort());
      expect(answer.text).not.toContain(hub.dataDir);
    }
  });

  it('gives an admin the detail: where the store is, the consoles, the other hubs', async () => {
    const admin = await healthz(hub, 'Bearer eve-token');
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({
      status: 'ok',
      store: { kind: 'sqlite', ok: true, location: expect.stringContaining(hub.dataDir) },
      consoles: 0,
      hubs: [],
    });
  });

  it('refuses a wrong token as a failed sign-in rather than answering the summary', async () => {
    const wrong = await healthz(hub, 'Bearer not-a-token');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: expect.objectContaining({ code: 'unauthorized' }) });
  });

  // A proxy in front of the hub with Basic auth of its own forwards that header on every probe.
  it("answers another scheme (a proxy's Basic credentials) with the summary and counts no failed sign-in", async () => {
    const basic = `Basic ${Buffer.from('monitor:proxy-password').toString('base64')}`;
    for (let i = 0; i < 15; i++) {
      const answer = await healthz(hub, basic);
      expect(answer.status).toBe(200);
      expect(answer.text).not.toContain(hub.dataDir);
    }
    expect((await healthz(hub, 'Bearer eve-token')).status).toBe(200);
  });

  // Last: it locks this address out of signing in.
  it('is no way around the sign-in lockout, and still answers the load balancer', async () => {
    let last = 0;
    for (let i = 0; i < 12 && last !== 429; i++) last = (await healthz(hub, `Bearer guess-${i}`)).status;
    expect(last).toBe(429);
    expect((await healthz(hub, 'Bearer eve-token')).status).toBe(429);
    expect((await healthz(hub)).status).toBe(200);
  });
});

describe('/healthz on an open local hub', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.kill();
  });

  it('gives the summary without the key and the detail with it', async () => {
    const anonymous = await healthz(hub);
    expect(anonymous.status).toBe(200);
    expect(anonymous.text).not.toContain(hub.dataDir);
    const local = await healthz(hub, hub.auth().authorization);
    expect(local.body).toMatchObject({ store: { location: expect.stringContaining(hub.dataDir) } });
  });
});
