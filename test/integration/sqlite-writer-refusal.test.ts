import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { migrateSqlite } from '../../server/store/sqlite/sqlite-schema';
import { SqliteWriterThread } from '../../server/store/sqlite/sqlite-writer-thread';
import { tempDataDir } from '../support/hub';

// The writer thread's hand-written transaction (sqlite-transaction.ts) on the real thread: a batch
// numbered after a seq the file is no longer at (another hub writes to it) is refused, saying so,
// and nothing of it stays; the thread then writes the next batch, timed.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('refuses a batch after a seq the log is not at, and writes the next one', async () => {
  const dir = tempDataDir();
  dirs.push(dir);
  const file = join(dir, 'log.db');
  const reader = new Database(file);
  migrateSqlite(reader);
  const writer = new SqliteWriterThread(file);
  try {
    await writer.request({ kind: 'ready' });
    const event = (seq: number) => [seq, 1_000 + seq, 'note_added', 'INC-1', '{}'] as never;
    const batch = { kind: 'commit' as const, changes: [], commands: [], nextIncidentNumber: 2 };
    await writer.request({ ...batch, afterSeq: 0, events: [event(1)], postedAt: Date.now() });
    await expect(
      writer.request({ ...batch, afterSeq: 0, events: [event(1), event(2)], postedAt: Date.now() }),
    ).rejects.toThrow(/the log is at seq 1, not 0: is another hub using/);
    const steps = await writer.request({ ...batch, afterSeq: 1, events: [event(2)], postedAt: Date.now() });
    expect(steps?.commit).toBeGreaterThanOrEqual(0);
    expect(reader.prepare('SELECT seq FROM events ORDER BY seq').pluck().all()).toEqual([1, 2]);
  } finally {
    await writer.request({ kind: 'close' });
    reader.close();
  }
});
