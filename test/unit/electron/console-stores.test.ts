import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardFileAt, serialiseInSlices } from '../../../electron/store/board-file';
import type { KeyValueStore } from '../../../electron/store/key-value-store';
import { openStore } from '../../../electron/store/open-store';
import { createReplicaStorage } from '../../../electron/store/replica-storage';
import { loadClientId, readSettings } from '../../../electron/store/settings';
import type { Incident } from '../../../shared/domain';
import type { CachedBoard } from '../../../shared/replica';
import { BOARD_CACHE_FORMAT } from '../../../shared/schemas/cached-board';

// Runs against conf, the engine inside electron-store, on real files: what is written is read
// back by a fresh instance, exactly as after a restart of the console.

let dir: string;
let logs: string[];
const log = (message: string): void => {
  logs.push(message);
};

const open = (name: string): KeyValueStore =>
  openStore({
    create: () =>
      new Conf<Record<string, unknown>>({ cwd: dir, configName: name, projectName: 'sitroom-test' }),
    path: path.join(dir, `${name}.json`),
    log,
  });

/** The outbox's store and the board's own file, as the app opens them. */
const stores = (store: KeyValueStore) => ({ store, board: boardFileAt(path.join(dir, 'board.json')) });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitroom-store-'));
  logs = [];
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const incident: Incident = {
  id: 'inc-1',
  title: 'Payments DB replication lag',
  severity: 'sev2',
  status: 'investigating',
  source: 'alertmanager',
  groupKey: '{}:{alertname="ReplicationLag"}',
  services: ['payments-db'],
  alerts: {
    fp1: {
      fingerprint: 'fp1',
      source: 'alertmanager',
      status: 'firing',
      title: 'Replication lag > 30s',
      severity: 'sev2',
      service: 'payments-db',
      labels: { alertname: 'ReplicationLag', instance: 'db-2' },
      annotations: { summary: '<img src=x onerror=alert(1)>' },
      links: [{ href: 'https://grafana.example/d/db', text: 'Dashboard' }],
      startsAt: 1_700_000_000_000,
      endsAt: null,
    },
  },
  alertCount: 1,
  firingCount: 1,
  openedAt: 1_700_000_000_000,
  acknowledgedAt: 1_700_000_060_000,
  acknowledgedBy: { kind: 'user', id: 'dana' },
  resolvedAt: null,
  resolvedBy: null,
  commander: 'dana',
  responders: [],
  runbookStepsDone: [],
  mergedInto: null,
  absorbedGroupKeys: [],
  humanInvolved: true,
  notifiedTeams: [],
  updatedSeq: 7,
};
const board: CachedBoard = { hubId: 'hub-a', seq: 7, savedAt: 1_700_000_100_000, incidents: [incident] };

describe('the board cache', () => {
  it('round-trips a board through the file', async () => {
    await createReplicaStorage(stores(open('board-cache')), log).save(board);
    const reopened = createReplicaStorage(stores(open('board-cache')), log);
    expect(await reopened.load()).toEqual(board);
    expect(logs).toEqual([]);
  });

  it('lives in a file of its own, so writing the outbox never rewrites the board', async () => {
    const store = open('board-cache');
    const storage = createReplicaStorage(stores(store), log);
    await storage.save(board);
    await storage.saveOutbox?.({ entries: [] });
    expect(readFileSync(path.join(dir, 'board-cache.json'), 'utf8')).not.toContain(incident.title);
    expect(JSON.parse(readFileSync(path.join(dir, 'board.json'), 'utf8'))).toEqual({
      format: BOARD_CACHE_FORMAT,
      board,
    });
  });

  it('takes over a board an older version kept beside the outbox, once', async () => {
    const store = open('board-cache');
    store.set('board', { format: BOARD_CACHE_FORMAT, board });
    expect(await createReplicaStorage(stores(store), log).load()).toEqual(board);
    expect(open('board-cache').get('board')).toBeUndefined();
  });

  it('gives the main process turns while it turns a big board into JSON', async () => {
    const big: CachedBoard = {
      ...board,
      incidents: Array.from({ length: 200 }, (_, i) => ({ ...incident, id: `inc-${i}` })),
    };
    let turns = 0;
    let serialising = true;
    const count = (): void => {
      turns += 1;
      if (serialising) setImmediate(count);
    };
    setImmediate(count);
    // A slice of 0 ms: a turn after every incident.
    const json = await serialiseInSlices({ format: BOARD_CACHE_FORMAT, board: big }, 0);
    serialising = false;
    expect(turns).toBeGreaterThanOrEqual(200);
    expect(JSON.parse(json)).toEqual({ format: BOARD_CACHE_FORMAT, board: big });
    const file = boardFileAt(path.join(dir, 'board.json'));
    await file.write({ format: BOARD_CACHE_FORMAT, board: big });
    expect(await file.read()).toEqual({ format: BOARD_CACHE_FORMAT, board: big });
  });

  it('is empty on first start', async () => {
    expect(await createReplicaStorage(stores(open('board-cache')), log).load()).toBeNull();
  });

  it('discards a cache of the wrong shape with a log line, and it stays discarded', async () => {
    const store = open('board-cache');
    store.set('board', { format: BOARD_CACHE_FORMAT, board: { ...board, seq: -1 } });
    expect(await createReplicaStorage(stores(store), log).load()).toBeNull();
    expect(logs).toEqual([expect.stringMatching(/^discarding the cached board: board\.seq: /)]);
    expect(open('board-cache').get('board')).toBeUndefined();
  });

  it('discards a cache written in an older format', async () => {
    const store = open('board-cache');
    store.set('board', { version: 0, incidents: {} });
    expect(await createReplicaStorage(stores(store), log).load()).toBeNull();
    expect(logs).toHaveLength(1);
  });

  it('discards one bad incident without crashing, naming where it is', async () => {
    const store = open('board-cache');
    const broken = { ...incident, severity: 'catastrophic' };
    store.set('board', { format: BOARD_CACHE_FORMAT, board: { ...board, incidents: [incident, broken] } });
    expect(await createReplicaStorage(stores(store), log).load()).toBeNull();
    expect(logs[0]).toContain('board.incidents.1.severity');
  });
});

describe('the outbox', () => {
  const ack = {
    command: { commandId: '01J0000000000000000000000A', type: 'acknowledge', incidentId: 'INC-1' },
    queuedAt: 5,
  } as const;
  const note = {
    command: {
      commandId: '01J0000000000000000000000B',
      type: 'add_note',
      incidentId: 'INC-1',
      text: 'on it',
    },
    queuedAt: 6,
  } as const;

  const refusal = {
    command: { commandId: '01J0000000000000000000000C', type: 'acknowledge', incidentId: 'INC-2' },
    error: { code: 'conflict', message: 'INC-2 was already resolved by dana' },
    at: 7,
  } as const;

  it('survives a restart of the app, in order, with the refusals not yet dismissed', async () => {
    await createReplicaStorage(stores(open('board-cache')), log).saveOutbox?.({
      entries: [ack, note],
      rejected: [refusal],
      rejectedDropped: 3,
    });
    expect(await createReplicaStorage(stores(open('board-cache')), log).loadOutbox?.()).toEqual({
      entries: [ack, note],
      rejected: [refusal],
      rejectedDropped: 3,
    });
  });

  it('reads an outbox an older version stored, without refusals', async () => {
    const store = open('board-cache');
    store.set('outbox', { format: 1, entries: [ack, note] });
    expect(await createReplicaStorage(stores(store), log).loadOutbox?.()).toEqual({
      entries: [ack, note],
      rejected: [],
      rejectedDropped: 0,
    });
    expect(logs).toEqual([]);
  });

  it('drops an entry that no longer parses, keeps the rest, and says so', async () => {
    const store = open('board-cache');
    store.set('outbox', { format: 1, entries: [ack, { command: { type: 'launch_missiles' } }, note] });
    expect((await createReplicaStorage(stores(store), log).loadOutbox?.())?.entries).toEqual([ack, note]);
    expect(logs).toEqual(['dropped 1 unreadable outbox entry']);
  });

  it('keeps the unsent actions when the stored refusals are corrupt, and counts what was lost', async () => {
    const store = open('board-cache');
    store.set('outbox', { format: 1, entries: [ack, note], rejected: 'garbage', rejectedDropped: -4 });
    expect(await createReplicaStorage(stores(store), log).loadOutbox?.()).toEqual({
      entries: [ack, note],
      rejected: [],
      rejectedDropped: 1,
    });
    store.set('outbox', { format: 1, entries: [ack], rejected: [{ command: { type: 'x' } }, refusal] });
    expect(await createReplicaStorage(stores(store), log).loadOutbox?.()).toEqual({
      entries: [ack],
      rejected: [refusal],
      rejectedDropped: 1,
    });
  });
});

describe('an unreadable store file', () => {
  it('is moved aside with a log line and the store starts empty', async () => {
    const file = path.join(dir, 'board-cache.json');
    writeFileSync(file, '{"board": {"format": 1, "board": {"hubId": "hub-a", "se');
    const store = open('board-cache');
    expect(await createReplicaStorage(stores(store), log).load()).toBeNull();
    expect(logs).toEqual([expect.stringContaining(`${file} could not be read`)]);
    const aside = readdirSync(dir).filter((name) => name.startsWith('board-cache.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toContain('"hubId": "hub-a"');
    // The fresh store works.
    await createReplicaStorage(stores(store), log).save(board);
    expect(await createReplicaStorage(stores(open('board-cache')), log).load()).toEqual(board);
  });

  it('still fails loudly when the problem is not the file', () => {
    expect(() =>
      openStore({
        create: () => {
          throw new Error('disk on fire');
        },
        path: path.join(dir, 'missing.json'),
        log,
      }),
    ).toThrow('disk on fire');
  });
});

describe('settings', () => {
  it('reads a hub URL and ignores an invalid one with a log line', () => {
    const store = open('settings');
    expect(readSettings(store, log)).toEqual({});
    store.set('settings', { hubUrl: 'https://hub.noc.example' });
    expect(readSettings(open('settings'), log)).toEqual({ hubUrl: 'https://hub.noc.example' });
    store.set('settings', { hubUrl: 'javascript:alert(1)' });
    expect(readSettings(open('settings'), log)).toEqual({});
    expect(logs).toEqual(['ignoring invalid settings (hubUrl)']);
  });

  it('ignores a plain-http hub beyond loopback and one with credentials, without logging them', () => {
    const store = open('settings');
    for (const hubUrl of ['http://hub.noc.example:7420', 'https://ops:s3cret@hub.noc.example']) {
      store.set('settings', { hubUrl });
      expect(readSettings(open('settings'), log)).toEqual({});
    }
    expect(logs.join('\n')).not.toContain('s3cret');
    store.set('settings', { hubUrl: 'http://127.0.0.1:7420' });
    expect(readSettings(open('settings'), log)).toEqual({ hubUrl: 'http://127.0.0.1:7420' });
  });

  it('keeps one client id across restarts', () => {
    let made = 0;
    const makeId = (): string => `client-${++made}`;
    expect(loadClientId(open('settings'), makeId)).toBe('client-1');
    expect(loadClientId(open('settings'), makeId)).toBe('client-1');
    expect(made).toBe(1);
  });
});
