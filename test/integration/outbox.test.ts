import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { boardFileAt } from '../../electron/store/board-file';
import { openStore } from '../../electron/store/open-store';
import { createReplicaStorage } from '../../electron/store/replica-storage';
import type { Command } from '../../shared/commands';
import type { OutboxEntry, StoredOutbox } from '../../shared/outbox';
import { type CachedBoard, Replica, type ReplicaStorage } from '../../shared/replica';
import { OUTBOX_FORMAT, parseStoredOutbox } from '../../shared/schemas/outbox';
import { createSocketTransport } from '../../shared/socket-transport';
import { copyOfValidConfig } from '../support/config-folder';
import {
  freePort,
  hubFetch,
  newOpenKey,
  postJson,
  type RunningHub,
  samplesDir,
  startHub,
  tempDataDir,
} from '../support/hub';

// Actions taken while the hub is unreachable are kept, sent in order once it is back, applied
// exactly once, and refusals are reported — with a real hub process that is killed and restarted.

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;

/** Storage that outlives a Replica, like a file on disk outlives the app. */
class DiskLikeStorage implements ReplicaStorage {
  board: CachedBoard | null = null;
  outbox: ReadonlyArray<OutboxEntry> = [];
  /** As written: read back through the stored-outbox schema, like the app's stores do. */
  stored: unknown = null;
  load = async () => this.board;
  save = async (board: CachedBoard) => {
    this.board = JSON.parse(JSON.stringify(board)) as CachedBoard;
  };
  loadOutbox = async () => parseStoredOutbox(JSON.parse(JSON.stringify(this.stored)));
  saveOutbox = async (outbox: StoredOutbox) => {
    this.outbox = JSON.parse(JSON.stringify(outbox.entries)) as OutboxEntry[];
    this.stored = JSON.parse(JSON.stringify({ format: OUTBOX_FORMAT, ...outbox }));
  };
}

const hubs: RunningHub[] = [];
const replicas: Replica[] = [];
afterEach(async () => {
  for (const replica of replicas.splice(0)) replica.stop();
  await Promise.all(hubs.splice(0).map((hub) => hub.kill()));
});

/** The same key across restarts, as the desktop app gives its embedded hub. */
const OPEN_KEY = newOpenKey();

async function hubAt(dataDir: string, port: number): Promise<RunningHub> {
  const hub = await startHub({ dataDir, port, openKey: OPEN_KEY });
  hubs.push(hub);
  return hub;
}

function replicaOn(url: string, storage: ReplicaStorage): Replica {
  const replica = new Replica({
    clientId: ulid(),
    transport: createSocketTransport({ hubUrl: url, token: () => OPEN_KEY }),
    storage,
    saveDelayMs: 10,
  });
  replicas.push(replica);
  return replica;
}

const cmd = (type: string, fields: Record<string, unknown> = {}): Command =>
  ({ commandId: ulid(), type, incidentId: 'INC-1', ...fields }) as Command;

async function timelineTypes(url: string): Promise<string[]> {
  const body = (await (await hubFetch(`${url}/api/v1/incidents/INC-1/events`)).json()) as {
    events: Array<{ type: string }>;
  };
  return body.events.map((event) => event.type);
}

describe('the outbox', () => {
  it('keeps actions taken while the hub is down and applies each exactly once, in order', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    let hub = await hubAt(dataDir, port);
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
    const storage = new DiskLikeStorage();
    const replica = replicaOn(hub.url, storage);
    await replica.start();
    await expect.poll(() => replica.state.seq).toBe(3);

    await hub.kill('SIGKILL');
    await expect.poll(() => replica.connectionState.status).toBe('offline');
    const answers = [
      replica.sendCommand(cmd('acknowledge')),
      replica.sendCommand(cmd('add_note', { text: 'Failing over to pg-1' })),
      replica.sendCommand(cmd('assign_commander', { userId: 'dana' })),
    ];
    await expect.poll(() => storage.outbox.length).toBe(3);

    hub = await hubAt(dataDir, port);
    const results = await Promise.all(answers);
    expect(results.map((answer) => answer.ok)).toEqual([true, true, true]);
    expect(await timelineTypes(hub.url)).toEqual([
      'incident_opened',
      'alert_fired',
      'alert_fired',
      'incident_acknowledged',
      'note_added',
      'commander_assigned',
    ]);
    await expect.poll(() => storage.outbox.length).toBe(0);
    await expect.poll(() => replica.state.incidents['INC-1']?.commander).toBe('dana');
  });

  it('sends what a closed console left in its outbox when it starts again', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    let hub = await hubAt(dataDir, port);
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
    await hub.kill('SIGKILL');

    const storage = new DiskLikeStorage();
    const first = replicaOn(hub.url, storage);
    await first.start();
    void first.sendCommand(cmd('acknowledge'));
    await expect.poll(() => storage.outbox.length).toBe(1);
    first.stop();

    hub = await hubAt(dataDir, port);
    const second = replicaOn(hub.url, storage);
    await second.start();
    await expect.poll(() => storage.outbox.length).toBe(0);
    await expect
      .poll(async () => (await timelineTypes(hub.url)).filter((type) => type === 'incident_acknowledged'))
      .toHaveLength(1);
  });

  it('reports a refusal (someone resolved it meanwhile) and still sends the rest', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    let hub = await hubAt(dataDir, port);
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
    await postJson(`${hub.url}/api/v1/commands`, cmd('set_status', { status: 'resolved' }), hub.auth());
    const storage = new DiskLikeStorage();
    const replica = replicaOn(hub.url, storage);
    await replica.start();
    await expect.poll(() => replica.state.seq).toBe(4);
    await hub.kill('SIGKILL');
    await expect.poll(() => replica.connectionState.status).toBe('offline');

    const ack = replica.sendCommand(cmd('acknowledge'));
    const note = replica.sendCommand(cmd('add_note', { text: 'post-incident: check disk alerts' }));
    hub = await hubAt(dataDir, port);
    expect(await ack).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await note).toMatchObject({ ok: true });
    expect(replica.outboxState.rejected).toEqual([
      expect.objectContaining({
        error: expect.objectContaining({
          message: expect.stringMatching(/already resolved by Local operator/),
        }),
      }),
    ]);
  });
});

describe('a refusal the operator has not seen yet', () => {
  /** The desktop's own storage (conf, the engine of electron-store, on real files), opened afresh each time as after a restart. */
  function desktopStorage(dir: string): ReplicaStorage {
    const store = openStore({
      create: () =>
        new Conf<Record<string, unknown>>({
          cwd: dir,
          configName: 'board-cache',
          projectName: 'sitroom-test',
        }),
      path: join(dir, 'board-cache.json'),
      log: () => {},
    });
    return createReplicaStorage({ store, board: boardFileAt(join(dir, 'board.json')) }, () => {});
  }

  it('is shown again after the console restarts, until it is dismissed', async () => {
    const dataDir = tempDataDir();
    const appDir = tempDataDir('sitroom-app-');
    const port = await freePort();
    let hub = await hubAt(dataDir, port);
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
    const replica = replicaOn(hub.url, desktopStorage(appDir));
    await replica.start();
    await expect.poll(() => replica.state.seq).toBe(3);

    // Offline, the operator acknowledges INC-1; meanwhile a colleague resolves it.
    await hub.kill('SIGKILL');
    await expect.poll(() => replica.connectionState.status).toBe('offline');
    const ack = replica.sendCommand(cmd('acknowledge'));
    hub = await hubAt(dataDir, port);
    await postJson(`${hub.url}/api/v1/commands`, cmd('set_status', { status: 'resolved' }), hub.auth());
    expect(await ack).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // The app is closed before the operator looks.
    replica.stop();

    const restarted = replicaOn(hub.url, desktopStorage(appDir));
    await restarted.start();
    expect(restarted.outboxState.pending).toEqual([]);
    expect(restarted.outboxState.rejected).toEqual([
      expect.objectContaining({
        command: expect.objectContaining({ type: 'acknowledge', incidentId: 'INC-1' }),
        error: expect.objectContaining({
          message: expect.stringMatching(/already resolved by Local operator/),
        }),
      }),
    ]);
    const [refusal] = restarted.outboxState.rejected;
    restarted.dismissRejected(refusal?.command.commandId ?? '');
    await restarted.whenStored();
    restarted.stop();

    const again = replicaOn(hub.url, desktopStorage(appDir));
    await again.start();
    expect(again.outboxState.rejected).toEqual([]);
  });
});

describe('the outbox and who is signed in', () => {
  it('does not send an action queued by one person after another signs in: the hub would record it as them', async () => {
    // A configured hub (users.yaml): Dana (commander) and Eve (admin) each with a token.
    const configDir = copyOfValidConfig();
    const dataDir = tempDataDir();
    const port = await freePort();
    const configured = async (): Promise<RunningHub> => {
      const hub = await startHub({ dataDir, port, args: ['--config-dir', configDir] });
      hubs.push(hub);
      return hub;
    };
    const asEve = { authorization: 'Bearer eve-token' };
    let hub = await configured();
    const delivered = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing, {
      authorization: 'Bearer prom-dc1-token',
    });
    expect(delivered.status).toBe(200);

    let token: string | null = 'dana-token';
    const transport = createSocketTransport({ hubUrl: hub.url, token: () => token });
    const storage = new DiskLikeStorage();
    const replica = new Replica({ clientId: ulid(), transport, storage, saveDelayMs: 10 });
    replicas.push(replica);
    await replica.start();
    await expect.poll(() => replica.connectionState.status).toBe('live');

    // The hub goes away; Dana acknowledges (queued), then signs out and Eve signs in.
    await hub.kill('SIGKILL');
    await expect.poll(() => replica.connectionState.status).toBe('offline');
    const answer = replica.sendCommand(cmd('acknowledge'));
    await expect.poll(() => storage.outbox.length).toBe(1);
    token = 'eve-token';
    replica.credentialsChanged();

    hub = await configured();
    const result = await answer;
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(replica.outboxState.rejected[0]?.error.message).toContain('dana queued this on INC-1');
    await expect.poll(() => storage.outbox.length).toBe(0);
    // Nobody acknowledged INC-1 on the hub: not Eve in Dana's name, not anyone.
    const events = (await (await hub.api('/api/v1/incidents/INC-1/events', { headers: asEve })).json()) as {
      events: Array<{ type: string }>;
    };
    expect(events.events.map((event) => event.type)).not.toContain('incident_acknowledged');

    // What Eve does herself goes out as Eve.
    const own = await replica.sendCommand(cmd('acknowledge'));
    expect(own.ok).toBe(true);
  });
});
