import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Replica } from '../../shared/replica';
import type { ReplicaChange } from '../../shared/replica-link';
import { createSocketTransport } from '../../shared/socket-transport';
import { connectConsole } from '../support/console-socket';
import {
  freePort,
  newOpenKey,
  postJson,
  type RunningHub,
  samplesDir,
  startHub,
  tempDataDir,
} from '../support/hub';
import { until } from '../support/until';

// The sync protocol end to end: a real hub process, real socket.io, the shared replica.

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;
const group = (name: string) => ({ ...firing, groupKey: `{}:{alertname="${name}"}` });

let hubs: RunningHub[] = [];
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await Promise.all(hubs.map((hub) => hub.kill()));
  hubs = [];
});

async function hubOn(options: Parameters<typeof startHub>[0] = {}): Promise<RunningHub> {
  const hub = await startHub(options);
  hubs.push(hub);
  return hub;
}

describe('sync protocol', () => {
  it('answers hello with exactly the events missed since lastSeq', async () => {
    const hub = await hubOn();
    for (const name of ['A', 'B', 'C']) await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group(name));
    const first = await connectConsole(hub.url);
    const start = await first.hello({ clientId: 'c', hubId: null, lastSeq: 0 });
    if (start.kind !== 'snapshot') throw new Error('expected a snapshot for a new console');
    expect(start.snapshot.seq).toBe(9);
    first.close();

    const again = await connectConsole(hub.url);
    const delta = await again.hello({ clientId: 'c', hubId: start.snapshot.hubId, lastSeq: 4 });
    expect(delta.kind).toBe('delta');
    if (delta.kind !== 'delta') return;
    expect(delta.events.map((event) => event.seq)).toEqual([5, 6, 7, 8, 9]);
    again.close();
  });

  it('sends a snapshot to a console whose state came from another hub', async () => {
    const hub = await hubOn();
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('A'));
    const console1 = await connectConsole(hub.url);
    const start = await console1.hello({ clientId: 'c', hubId: 'some-other-hub', lastSeq: 2 });
    expect(start).toMatchObject({ kind: 'snapshot', snapshot: { seq: 3 } });
    console1.close();
  });

  it('rejects a malformed hello with a reason instead of a crash', async () => {
    const hub = await hubOn();
    const console1 = await connectConsole(hub.url);
    const start = await console1.hello({ clientId: '', hubId: null, lastSeq: -1 });
    expect(start.kind).toBe('error');
    console1.close();
  });

  it('keeps a replica in step with the hub across a hub crash, catching up by delta', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const openKey = newOpenKey();
    let hub = await hubOn({ dataDir, port, openKey });
    const changes: ReplicaChange[] = [];
    const replica = new Replica({
      clientId: 'wall-1',
      transport: createSocketTransport({ hubUrl: hub.url, token: () => openKey }),
    });
    cleanups.push(() => replica.stop());
    replica.subscribe((change) => changes.push(change));
    await replica.start();
    await until(() => replica.connectionState.status === 'live', 'the replica to go live');

    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('A'));
    await until(() => replica.state.seq === 3, 'seq 3');

    await hub.kill('SIGKILL');
    await until(() => replica.connectionState.status === 'offline', 'the replica to notice the hub is gone');
    hub = await hubOn({ dataDir, port, openKey });
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('B'));
    await until(() => replica.state.seq === 6, 'the replica to catch up to seq 6');
    expect(replica.connectionState.status).toBe('live');

    // It caught up by delta (events 4–6), not by a second snapshot.
    const resets = changes.filter((change) => change.kind === 'reset');
    expect(resets).toHaveLength(1); // the snapshot at first hello
    const served = await (await hub.api(`/api/v1/incidents?status=all`)).json();
    expect(Object.keys(replica.state.incidents).sort()).toEqual(
      (served as { incidents: Array<{ id: string }> }).incidents.map((incident) => incident.id).sort(),
    );
  });

  it('streams to a console that joins after alerts came in with no console listening', async () => {
    // With nobody in the live stream the hub encodes no broadcast; a console that joins later
    // must still get everything: what came before in its answer to hello, the rest live.
    const hub = await hubOn();
    const ingest = `${hub.url}/api/v1/ingest/alertmanager`;
    await postJson(ingest, group('A'));
    const first = await connectConsole(hub.url);
    const start = await first.hello({ clientId: 'c', hubId: null, lastSeq: 0 });
    if (start.kind !== 'snapshot') throw new Error('expected a snapshot for a new console');
    expect(start.snapshot.seq).toBe(3);
    await postJson(ingest, group('B'));
    await first.waitForSeq(6);
    expect(first.live.map((event) => event.seq)).toEqual([4, 5, 6]);
    first.close();

    await postJson(ingest, group('C'));
    const again = await connectConsole(hub.url);
    const delta = await again.hello({ clientId: 'c', hubId: start.snapshot.hubId, lastSeq: 6 });
    if (delta.kind !== 'delta') throw new Error('expected a delta');
    expect(delta.events.map((event) => event.seq)).toEqual([7, 8, 9]);
    await postJson(ingest, group('D'));
    await again.waitForSeq(12);
    expect(again.live.map((event) => event.seq)).toEqual([10, 11, 12]);
    again.close();
  });

  it('streams the same events to every connected console', async () => {
    const hub = await hubOn();
    const consoles = await Promise.all([1, 2, 3].map(() => connectConsole(hub.url)));
    for (const c of consoles) await c.hello({ clientId: 'c', hubId: null, lastSeq: 0 });
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('A'));
    await Promise.all(consoles.map((c) => c.waitForSeq(3)));
    for (const c of consoles) {
      expect(c.live.map((event) => event.seq)).toEqual([1, 2, 3]);
      c.close();
    }
  });
});
