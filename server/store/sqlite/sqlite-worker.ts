import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WriterReply, WriterRequest, WriterStart } from './sqlite-messages';

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

const commit = db.transaction((request: Extract<WriterRequest, { kind: 'commit' }>) => {
  // The hub numbered these events after the seq it holds; anything else means a second process
  // writes to this file, and numbering on would fork the log.
  const last = (lastSeq.get() as { seq: number | null }).seq ?? 0;
  if (last !== request.afterSeq)
    throw new Error(`the log is at seq ${last}, not ${request.afterSeq}: is another hub using ${file}?`);
  for (const row of request.events) insertEvent.run(...row);
  for (const row of request.changes) insertChange.run(...row);
  for (const row of request.commands) insertCommand.run(...row);
  setMeta.run('next_incident_number', String(request.nextIncidentNumber));
});

const snapshot = db.transaction((seq: number, body: string) => {
  saveSnapshot.run(seq, body);
  dropOlderSnapshots.run(seq);
});

function handle(request: WriterRequest): void {
  switch (request.kind) {
    case 'commit':
      commit.immediate(request);
      return;
    case 'snapshot':
      snapshot(request.seq, request.body);
      return;
    case 'close':
      db.close();
      return;
    case 'ready':
      return;
  }
}

parentPort?.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    handle(request);
    reply = { id: request.id, ok: true };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
  if (request.kind === 'close') parentPort?.close();
});
