import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CommitSteps, WriterReply, WriterRequest, WriterStart } from './sqlite-messages';
import { immediateTransaction } from './sqlite-transaction';

// The SQLite log's writer thread: it owns the only connection that writes, so a commit's fsync
// (synchronous=FULL: a 2xx means the alert survives a power cut) blocks this thread, never the
// event loop that parses webhooks and serves consoles. The main thread reads through its own
// connection (WAL lets readers and this writer work at once).

const { file } = workerData as WriterStart;
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');

const lastSeq = db.prepare('SELECT MAX(seq) AS seq FROM events');
const insertEvent = db.prepare(
  'INSERT INTO events (seq, at, type, incident_id, body) VALUES (?, ?, ?, ?, ?)',
);
const insertChange = db.prepare('INSERT INTO changes (seq, at, service, kind, body) VALUES (?, ?, ?, ?, ?)');
const insertCommand = db.prepare(
  'INSERT INTO commands (command_id, user_id, body_sha256, at, answer) VALUES (?, ?, ?, ?, ?)',
);
const setMeta = db.prepare(
  'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
);
const saveSnapshot = db.prepare('INSERT OR REPLACE INTO snapshots (seq, body) VALUES (?, ?)');
const dropOlderSnapshots = db.prepare('DELETE FROM snapshots WHERE seq < ?');

/** The clock both threads read: each thread's performance.now() counts from its own start. */
const wallNow = (): number => performance.timeOrigin + performance.now();

/**
 * One batch in one transaction, its steps timed. Written out rather than db.transaction(), whose
 * COMMIT cannot be timed apart from the inserts: the fsync is most of a commit's time.
 */
function commit(request: Extract<WriterRequest, { kind: 'commit' }>): CommitSteps {
  const times = immediateTransaction(
    db,
    () => {
      // The hub numbered these events after the seq it holds; anything else means a second process
      // writes to this file, and numbering on would fork the log.
      const last = (lastSeq.get() as { seq: number | null }).seq ?? 0;
      if (last !== request.afterSeq)
        throw new Error(`the log is at seq ${last}, not ${request.afterSeq}: is another hub using ${file}?`);
      for (const row of request.events) insertEvent.run(...row);
      for (const row of request.changes) insertChange.run(...row);
      for (const row of request.commands) insertCommand.run(...row);
      setMeta.run('next_incident_number', String(request.nextIncidentNumber));
    },
    wallNow,
  );
  return {
    lock: times.locked - request.postedAt,
    write: times.written - times.locked,
    commit: times.committed - times.written,
  };
}

const snapshot = db.transaction((seq: number, body: string) => {
  saveSnapshot.run(seq, body);
  dropOlderSnapshots.run(seq);
});

function handle(request: WriterRequest): CommitSteps | undefined {
  switch (request.kind) {
    case 'commit':
      return commit(request);
    case 'snapshot':
      snapshot(request.seq, request.body);
      return undefined;
    case 'close':
      db.close();
      return undefined;
    case 'ready':
      return undefined;
  }
}

parentPort?.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    const steps = handle(request);
    reply = steps ? { id: request.id, ok: true, steps } : { id: request.id, ok: true };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
  if (request.kind === 'close') parentPort?.close();
});
