import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectConsole } from '../support/console-socket';
import { type RunningHub, samplesDir, startHub } from '../support/hub';

// A web page the operator happens to visit must not be able to drive a hub on their machine:
// not through CORS, not by DNS rebinding (a foreign Host), not by a form POST. Against the REAL
// hub, on every state-changing route and on socket.io, in open mode (the most exposed).

const FOREIGN_ORIGIN = 'https://evil.example';
const firing = readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8');
const pagerduty = readFileSync(join(samplesDir, 'pagerduty-trigger.json'), 'utf8');

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
}, 60_000);
afterAll(async () => {
  await hub?.kill();
});

/** Raw HTTP, so the test sets Host and Origin exactly as a browser or an attacker would. */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: hub.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Every route that changes something, with a body it would accept from a legitimate sender. */
const STATE_CHANGING = [
  {
    name: 'commands',
    path: '/api/v1/commands',
    body: () => JSON.stringify({ commandId: ulid(), type: 'acknowledge', incidentId: 'INC-1' }),
  },
  { name: 'demo', path: '/api/v1/demo', body: () => '{}' },
  { name: 'alertmanager ingest', path: '/api/v1/ingest/alertmanager', body: () => firing },
  { name: 'PagerDuty enqueue', path: '/v2/enqueue', body: () => pagerduty },
  { name: 'PagerDuty ingest', path: '/api/v1/ingest/pagerduty', body: () => pagerduty },
];

async function eventCount(): Promise<number> {
  const incidents = (await (await hub.api('/api/v1/incidents?status=all')).json()) as {
    incidents: unknown[];
  };
  return incidents.incidents.length;
}

describe('a foreign page', () => {
  it.each(STATE_CHANGING)(
    'is refused on $name with 403 (Origin) or 421 (Host), storing nothing',
    async (route) => {
      const before = await eventCount();
      const json = { 'content-type': 'application/json', ...hub.auth() };
      const host = `127.0.0.1:${hub.port}`;
      const foreignOrigin = await send(
        'POST',
        route.path,
        { ...json, host, origin: FOREIGN_ORIGIN },
        route.body(),
      );
      expect(foreignOrigin.status).toBe(403);
      expect(JSON.parse(foreignOrigin.body)).toMatchObject({ error: { code: 'foreign_origin' } });
      // DNS rebinding: the attacker's name now points at 127.0.0.1, and the page is "same origin".
      const rebound = await send(
        'POST',
        route.path,
        { ...json, host: 'evil.example:7420', origin: 'http://evil.example:7420' },
        route.body(),
      );
      expect(rebound.status).toBe(421);
      expect(JSON.parse(rebound.body)).toMatchObject({ error: { code: 'unknown_host' } });
      const nullOrigin = await send('POST', route.path, { ...json, host, origin: 'null' }, route.body());
      expect(nullOrigin.status).toBe(403);
      expect(await eventCount()).toBe(before);
      const info = (await (await hub.api('/api/v1/hub')).json()) as { demoRunning: boolean };
      expect(info.demoRunning).toBe(false);
    },
  );

  it('cannot read the API by rebinding either, even holding the key', async () => {
    const read = await send('GET', '/api/v1/session', { host: 'evil.example', ...hub.auth() });
    expect(read.status).toBe(421);
  });

  it('cannot send a simple (preflight-free) form or text POST: state-changing routes take JSON only', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const answer = await send(
        'POST',
        '/api/v1/demo',
        { host: `127.0.0.1:${hub.port}`, 'content-type': type, ...hub.auth() },
        '{}',
      );
      expect(answer.status, type).toBe(415);
    }
    const noBody = await send('POST', '/api/v1/demo', { host: `127.0.0.1:${hub.port}`, ...hub.auth() });
    expect(noBody.status).toBe(415);
    const info = (await (await hub.api('/api/v1/hub')).json()) as { demoRunning: boolean };
    expect(info.demoRunning).toBe(false);
  });

  it('cannot open the live stream: socket.io refuses a foreign Origin or Host, polling and websocket alike', async () => {
    const polling = await send('GET', '/socket.io/?EIO=4&transport=polling', {
      host: `127.0.0.1:${hub.port}`,
      origin: FOREIGN_ORIGIN,
    });
    expect(polling.status).toBe(403);
    expect(polling.headers['access-control-allow-origin']).toBeUndefined();
    const rebound = await send('GET', '/socket.io/?EIO=4&transport=polling', { host: 'evil.example' });
    expect(rebound.status).toBe(421);
    const variants: Array<Record<string, string>> = [{ origin: FOREIGN_ORIGIN }, { host: 'evil.example' }];
    for (const extraHeaders of variants) {
      const socket = io(hub.url, {
        transports: ['websocket'],
        reconnection: false,
        auth: { token: hub.openKey },
        extraHeaders,
      });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', () => resolve('refused'));
      });
      socket.disconnect();
      expect(outcome, JSON.stringify(extraHeaders)).toBe('refused');
    }
  });

  it('is not let in by the hub’s own origin alone: open mode wants this run’s key', async () => {
    const host = `127.0.0.1:${hub.port}`;
    const withoutKey = await send('GET', '/api/v1/session', { host, origin: hub.url });
    expect(withoutKey.status).toBe(401);
    expect(JSON.parse(withoutKey.body).error.message).toMatch(/#token=/);
    const withKey = await send('GET', '/api/v1/session', { host, origin: hub.url, ...hub.auth() });
    expect(withKey.status).toBe(200);
    await expect(connectConsole(hub.url, null)).rejects.toThrow('unauthorized');
    await expect(connectConsole(hub.url, 'x'.repeat(43))).rejects.toThrow('unauthorized');
    const console1 = await connectConsole(hub.url);
    console1.close();
    expect(hub.openKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hub.output()).toContain(`#token=${hub.openKey}`);
  });

  it('gets 400 or 404, never 500, for malformed %-escapes anywhere in the path', async () => {
    for (const path of [
      '/%E0%A4%A',
      '/api/v1/incidents/%zz',
      '/api/v1/incidents/%E0%A4%A/timeline.md',
      '/api/v1/incidents/%/impact',
    ]) {
      const answer = await send('GET', path, { host: `127.0.0.1:${hub.port}`, ...hub.auth() });
      expect([400, 404], path).toContain(answer.status);
    }
  });
});
