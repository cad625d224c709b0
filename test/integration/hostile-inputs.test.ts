import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS } from '../../shared/protocol';
import { connectConsole, type RawConsole } from '../support/console-socket';
import {
  alertmanagerBody,
  commandBody,
  genericChangeBody,
  HOSTILE_SEED,
  hostileRequest,
  pagerdutyBody,
  pagerdutyChangeBody,
  type WireBody,
} from '../support/hostile';
import { type RunningHub, startHub } from '../support/hub';

// Property-based hostile input against the REAL hub process: at least 1,000 generated payloads
// per surface (Alertmanager webhooks, PagerDuty events, change events, commands over HTTP and over
// the socket).
// For every one: the hub answers (never 5xx, never a dropped connection), a refusal stores
// nothing (the event log's last seq is read from the hub's own SQLite file), and the hub keeps
// serving. What was tried and what happened is printed at the end (docs/performance.md).

const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);
/** About 10 s a surface on a quiet machine; far more when test suites share two cores. */
const SURFACE_TIMEOUT = 300_000;

let hub: RunningHub;
let log: Database.Database;
let socket: RawConsole;
const tally = new Map<
  string,
  { tried: number; accepted: number; refused: number; crashed: number; stored: number }
>();

beforeAll(async () => {
  // A high command limit: the suite sends a thousand commands as one user in seconds.
  hub = await startHub({ args: ['--command-rate-limit', '100000'] });
  log = new Database(join(hub.dataDir, 'sitroom-hub.sqlite'), { readonly: true, fileMustExist: true });
  socket = await connectConsole(hub.url);
  // Incidents for the commands to act on.
  for (const name of ['one', 'two', 'three']) {
    const answer = await post('/api/v1/ingest/alertmanager', {
      bytes: Buffer.from(
        JSON.stringify({
          groupKey: name,
          status: 'firing',
          alerts: [
            {
              status: 'firing',
              labels: { alertname: name, severity: 'critical' },
              startsAt: '2026-11-27T04:00:00Z',
            },
          ],
        }),
      ),
      contentType: 'application/json',
    });
    expect(answer.status).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  socket?.close();
  log?.close();
  await hub?.kill();
  console.info(`hostile inputs (seed ${HOSTILE_SEED}):`, JSON.stringify(Object.fromEntries(tally)));
});

const lastSeq = (): number =>
  (log.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events').get() as { seq: number }).seq;

/** Raw HTTP, so bodies go out byte for byte with the declared Content-Type. */
function post(path: string, wire: WireBody): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: hub.port,
        method: 'POST',
        path,
        headers: { 'content-type': wire.contentType, 'content-length': wire.bytes.length, ...hub.auth() },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(wire.bytes);
  });
}

function count(surface: string, outcome: 'accepted' | 'refused' | 'crashed', storedOnRefusal = false): void {
  const row = tally.get(surface) ?? { tried: 0, accepted: 0, refused: 0, crashed: 0, stored: 0 };
  row.tried += 1;
  row[outcome] += 1;
  if (storedOnRefusal) row.stored += 1;
  tally.set(surface, row);
}

/** One HTTP surface: every answer is 2xx or 4xx with the error shape; a 4xx stores nothing. */
async function hammer(
  surface: string,
  path: string,
  bodies: fc.Arbitrary<unknown>,
  ok: (status: number, body: string) => boolean,
) {
  await fc.assert(
    fc.asyncProperty(hostileRequest(bodies), async (wire) => {
      const before = lastSeq();
      let answer: { status: number; body: string };
      try {
        answer = await post(path, wire);
      } catch (error) {
        count(surface, 'crashed');
        throw error;
      }
      if (answer.status >= 500) count(surface, 'crashed');
      else if (ok(answer.status, answer.body)) count(surface, 'accepted');
      else count(surface, 'refused', lastSeq() !== before);
      expect(answer.status, answer.body).toBeLessThan(500);
      if (!ok(answer.status, answer.body)) {
        expect(JSON.parse(answer.body)).toMatchObject({
          error: { code: expect.any(String), message: expect.any(String) },
        });
        expect(lastSeq(), `refused but stored: ${answer.body}`).toBe(before);
      }
    }),
    { numRuns: RUNS, seed: HOSTILE_SEED, endOnFailure: true },
  );
  // Still up, still serving, still the same process.
  expect(hub.process.exitCode).toBeNull();
  expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

describe(`hostile payloads (${RUNS} per surface)`, () => {
  it(
    'Alertmanager webhooks: accepted or refused with a 4xx that stores nothing',
    async () => {
      await hammer('alertmanager', '/api/v1/ingest/alertmanager', alertmanagerBody, isSuccess);
    },
    SURFACE_TIMEOUT,
  );

  it(
    'PagerDuty events: accepted or refused with a 4xx that stores nothing',
    async () => {
      await hammer('pagerduty', '/v2/enqueue', pagerdutyBody, isSuccess);
    },
    SURFACE_TIMEOUT,
  );

  it(
    'PagerDuty change events: accepted or refused with a 4xx that stores nothing',
    async () => {
      await hammer('pagerduty-change', '/v2/change/enqueue', pagerdutyChangeBody, isSuccess);
    },
    SURFACE_TIMEOUT,
  );

  it(
    'generic change events: accepted or refused with a 4xx that stores nothing',
    async () => {
      await hammer('change', '/api/v1/ingest/change', genericChangeBody, isSuccess);
    },
    SURFACE_TIMEOUT,
  );

  it(
    'commands over HTTP: an answer for each, and a refusal records no event',
    async () => {
      await hammer('commands-http', '/api/v1/commands', commandBody, (status, body) => {
        if (status !== 200) return false;
        return (JSON.parse(body) as { ok?: boolean }).ok === true;
      });
    },
    SURFACE_TIMEOUT,
  );

  it(
    'commands over the socket: an answer for each, and a refusal records no event',
    async () => {
      await fc.assert(
        fc.asyncProperty(commandBody, async (command) => {
          const before = lastSeq();
          const answer = (await socket.socket
            .timeout(10_000)
            .emitWithAck(SOCKET_EVENTS.command, command as never)) as {
            ok: boolean;
            error?: { code: string; message: string };
          };
          count('commands-socket', answer.ok ? 'accepted' : 'refused', !answer.ok && lastSeq() !== before);
          if (!answer.ok) {
            expect(answer.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
            expect(lastSeq()).toBe(before);
          }
          expect(socket.socket.connected).toBe(true);
        }),
        { numRuns: RUNS, seed: HOSTILE_SEED, endOnFailure: true },
      );
      expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    },
    SURFACE_TIMEOUT,
  );

  it('left the hub up, with no crash and no refused body stored', () => {
    for (const [surface, row] of tally) {
      expect(row.tried, surface).toBeGreaterThanOrEqual(RUNS);
      expect(row.crashed, surface).toBe(0);
      expect(row.stored, surface).toBe(0);
    }
    expect(hub.output()).not.toMatch(/could not handle this request|failed:/);
  });
});
