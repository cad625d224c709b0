import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { HELLO_LIMIT } from '../../server/sync/sync-server';
import { boardChecksum } from '../../shared/checksum';
import type { HubEvent } from '../../shared/events';
import { SOCKET_EVENTS, type SyncStart } from '../../shared/protocol';
import { applyEvents } from '../../shared/reducer';
import { Replica } from '../../shared/replica';
import { createSocketTransport } from '../../shared/socket-transport';
import { connectConsole, type RawConsole } from '../support/console-socket';
import { postJson, type RunningHub, startHub } from '../support/hub';
import { until } from '../support/until';

// Many consoles asking one hub for the whole board at once (a hub restart, a failover, a long
// blip), while alerts keep coming: the hub takes and encodes one snapshot for all of them, and
// each console gets the events committed after it was taken. Consoles of this release take the
// board as a `sync:snapshot` event before the answer; older ones (no `snapshotApart`) inside it.
// Every one of them must end up with the hub's board, at the hub's seq.

let hub: RunningHub;
const stops: Array<() => void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await hub.kill();
});

const alertBody = (group: string, instance: string) => ({
  version: '4',
  groupKey: `{}:{alertname="${group}"}`,
  status: 'firing',
  receiver: 'sitroom',
  groupLabels: { alertname: group },
  commonLabels: { alertname: group },
  commonAnnotations: {},
  externalURL: 'http://alertmanager.example',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: group, instance, severity: 'critical', service: 'checkout' },
      annotations: { summary: `${group} on ${instance}` },
      startsAt: '2026-12-07T10:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example/graph',
      fingerprint: `${group}-${instance}`,
    },
  ],
});

const ingest = (body: unknown) => postJson(`${hub.url}/api/v1/ingest/alertmanager`, body);

/** The seqs a raw console holds: its start's, then every live event after it, in order. */
function seqsHeld(start: SyncStart, live: ReadonlyArray<HubEvent>): { from: number; missing: number[] } {
  if (start.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${start.kind}`);
  const have = new Set(live.map((event) => event.seq));
  const last = Math.max(start.snapshot.seq, ...live.map((event) => event.seq));
  const missing: number[] = [];
  for (let seq = start.snapshot.seq + 1; seq <= last; seq++) if (!have.has(seq)) missing.push(seq);
  return { from: start.snapshot.seq, missing };
}

describe('a herd of consoles asking for the board at once', () => {
  it('gives every console, new and older, the hub board and every event after it while ingest goes on', async () => {
    hub = await startHub();
    for (let i = 0; i < 40; i++) await ingest(alertBody(`Herd${i % 20}`, `host-${i}`));

    // Alerts keep coming while the consoles ask.
    let storming = true;
    const storm = (async () => {
      for (let i = 0; storming; i++) await ingest(alertBody(`Storm${i % 7}`, `storm-${i}`));
    })();

    const replicas = Array.from({ length: 10 }, (_, i) => {
      const replica = new Replica({
        clientId: `herd-${i}`,
        transport: createSocketTransport({ hubUrl: hub.url, token: () => hub.openKey }),
      });
      stops.push(() => replica.stop());
      return replica;
    });
    const older: RawConsole[] = await Promise.all(Array.from({ length: 4 }, () => connectConsole(hub.url)));
    for (const raw of older) stops.push(() => raw.close());
    const apart: RawConsole[] = await Promise.all(Array.from({ length: 4 }, () => connectConsole(hub.url)));
    const boards: Array<SyncStart | null> = apart.map(() => null);
    apart.forEach((raw, i) => {
      stops.push(() => raw.close());
      raw.socket.on(SOCKET_EVENTS.snapshot, (start) => {
        boards[i] = start;
      });
    });

    const [olderStarts, apartAnswers] = await Promise.all([
      Promise.all(older.map((raw, i) => raw.hello({ clientId: `older-${i}`, hubId: null, lastSeq: 0 }))),
      Promise.all(
        apart.map((raw, i) =>
          raw.hello({ clientId: `apart-${i}`, hubId: null, lastSeq: 0, snapshotApart: true }),
        ),
      ),
      ...replicas.map((replica) => replica.start()),
    ]);
    storming = false;
    await storm;
    // The hub's board now, as a console that asks afterwards holds it: the snapshot it is given
    // (maybe the one the herd shared) with the events after it folded on.
    const probe = await connectConsole(hub.url);
    stops.push(() => probe.close());
    const now = await probe.hello({ clientId: 'probe', hubId: null, lastSeq: 0 });
    if (now.kind !== 'snapshot') throw new Error('expected a snapshot');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const final = Math.max(now.snapshot.seq, ...probe.live.map((event) => event.seq));
    expect(seqsHeld(now, probe.live).missing).toEqual([]);
    const hubBoard = applyEvents(
      Object.fromEntries(now.snapshot.incidents.map((incident) => [incident.id, incident])),
      probe.live.filter((event) => event.seq > now.snapshot.seq).sort((a, b) => a.seq - b.seq),
    );
    const hubChecksum = boardChecksum(Object.values(hubBoard));
    // The board it was given is the one its checksum describes.
    expect(boardChecksum(now.snapshot.incidents)).toBe(now.fingerprint?.checksum);

    // Consoles that asked apart were told the board came before the answer, and it did.
    for (const answer of apartAnswers as unknown[])
      expect(answer).toEqual({ kind: 'snapshot-sent', userId: 'local' });
    for (const board of boards)
      expect(board).toMatchObject({ kind: 'snapshot', snapshot: { seq: expect.any(Number) } });
    // Older consoles got the board inside the answer, with who they are.
    for (const start of olderStarts) expect(start).toMatchObject({ kind: 'snapshot', userId: 'local' });

    // Every raw console holds an unbroken run of seqs from its board on, up to the hub's seq.
    const everyone = [
      ...older.map((raw, i) => ({ raw, start: olderStarts[i] as SyncStart })),
      ...apart.map((raw, i) => ({ raw, start: boards[i] as SyncStart })),
    ];
    for (const { raw, start } of everyone) {
      if (start.kind !== 'snapshot') throw new Error(start.kind);
      if (start.snapshot.seq < final) await raw.waitForSeq(final);
      expect(seqsHeld(start, raw.live).missing).toEqual([]);
    }

    // The replicas (the consoles' own sync engine) reach the hub's seq with the hub's checksum.
    for (const replica of replicas) {
      await until(
        () => replica.connectionState.status === 'live' && replica.state.seq === final,
        "a replica to reach the hub's seq",
      );
      expect(boardChecksum(Object.values(replica.state.incidents))).toBe(hubChecksum);
    }
  });
});

describe('a link that says hello over and over', () => {
  it('is cut after a few, and the hub goes on answering other consoles', async () => {
    hub = await startHub();
    for (let i = 0; i < 5; i++) await ingest(alertBody(`Flood${i}`, `host-${i}`));
    const flooder = await connectConsole(hub.url);
    stops.push(() => flooder.close());
    let cut = false;
    flooder.socket.on('disconnect', () => {
      cut = true;
    });
    const answers = await Promise.allSettled(
      Array.from({ length: HELLO_LIMIT.burst * 3 }, (_, i) =>
        flooder.hello({ clientId: `flood-${i}`, hubId: null, lastSeq: 0, snapshotApart: true }),
      ),
    );
    await until(() => cut, 'the hub to cut the flooding link');
    // At most the allowed hellos were answered; the rest died with the link.
    const answered = answers.filter((answer) => answer.status === 'fulfilled');
    expect(answered.length).toBeLessThanOrEqual(HELLO_LIMIT.burst);
    expect(hub.output()).toContain('said hello faster than allowed; link cut');
    // Another console is served as ever.
    const other = await connectConsole(hub.url);
    stops.push(() => other.close());
    expect((await other.hello({ clientId: 'other', hubId: null, lastSeq: 0 })).kind).toBe('snapshot');
  });
});

/** An alert whose incident weighs about 450 KiB on the board and in its live event. */
function bigAlert(name: string) {
  const body = alertBody(name, 'host-1');
  const [alert] = body.alerts;
  if (alert) (alert.annotations as Record<string, string>).description = 'n'.repeat(450 * 1024);
  return body;
}

/** Stops reading a raw console's TCP socket (socket.io-client over ws), as a console that never reads. */
function stallReading(raw: RawConsole): Duplex {
  const tcp = (raw.socket.io.engine.transport as unknown as { ws: { _socket: Duplex } }).ws._socket;
  tcp.pause();
  return tcp;
}

describe('a console that stops reading', () => {
  it('is cut when it asks for the board again, instead of being given a second board to hold', async () => {
    hub = await startHub();
    // A board of about 9 MiB: far more than the kernel's socket buffers take for a reader that
    // does not read, so most of it stays in the hub.
    for (let i = 0; i < 20; i++) await ingest(bigAlert(`Big${i}`));
    const stalled = await connectConsole(hub.url);
    stops.push(() => stalled.close());
    let boards = 0;
    let cut = false;
    stalled.socket.on(SOCKET_EVENTS.snapshot, () => {
      boards += 1;
    });
    stalled.socket.on('disconnect', () => {
      cut = true;
    });
    const tcp = stallReading(stalled);
    const hello = { clientId: 'stalled', hubId: null, lastSeq: 0, snapshotApart: true };
    void stalled.hello(hello).catch(() => {});
    // Another console asking now shares that board: once it has it, the stalled link was sent it too.
    const other = await connectConsole(hub.url);
    stops.push(() => other.close());
    expect((await other.hello({ clientId: 'other', hubId: null, lastSeq: 0 })).kind).toBe('snapshot');
    void stalled.hello(hello).catch(() => {});
    await until(() => hub.output().includes('link cut'), 'the hub to cut the stalled link', 5000).catch(
      () => {},
    );
    tcp.resume();
    await until(() => cut || boards >= 2, 'the stalled console to be cut or sent a second board');
    expect(boards).toBeLessThanOrEqual(1);
    expect(cut).toBe(true);
    expect(hub.output()).toContain('asked for the board again without reading what it was sent; link cut');
  });

  it('is cut once it falls far behind the live stream, and other consoles go on', async () => {
    hub = await startHub();
    await ingest(alertBody('Start', 'host-0'));
    const stalled = await connectConsole(hub.url);
    stops.push(() => stalled.close());
    const reader = await connectConsole(hub.url);
    stops.push(() => reader.close());
    for (const raw of [stalled, reader]) await raw.hello({ clientId: 'c', hubId: null, lastSeq: 0 });
    stallReading(stalled);
    // Up to 27 MiB of live events (each carries its alert), past what the hub holds for a console.
    for (let i = 0; i < 60 && !hub.output().includes('fell too far behind'); i++)
      await ingest(bigAlert(`Live${i}`));
    await until(
      () => hub.output().includes('fell too far behind the live stream; link cut'),
      'the stalled console to be cut',
    );
    await ingest(alertBody('AfterTheCut', 'host-2'));
    await until(
      () => reader.live.some((event) => JSON.stringify(event).includes('AfterTheCut')),
      'the reading console to go on getting the stream',
    );
  });

  it('is not cut while it reads a board bigger than what a live link may hold', async () => {
    hub = await startHub();
    // About 25 MiB of board: more than the live limit beyond what the kernel takes.
    for (let i = 0; i < 56; i++) await ingest(bigAlert(`Huge${i}`));
    const slow = await connectConsole(hub.url);
    stops.push(() => slow.close());
    let cut = false;
    slow.socket.on('disconnect', () => {
      cut = true;
    });
    const tcp = stallReading(slow);
    const answer = slow.hello({ clientId: 'slow', hubId: null, lastSeq: 0, snapshotApart: true });
    // A slow link: the hub checks every second while most of the board waits in it.
    await until(() => hub.output().includes('link cut'), 'three checks of the live links', 3500).catch(
      () => {},
    );
    tcp.resume();
    expect((await answer).kind).toBe('snapshot-sent');
    expect(cut).toBe(false);
    expect(hub.output()).not.toContain('link cut');
  });
});
