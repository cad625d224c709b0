import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { immediateTransaction } from '../../../../server/store/sqlite/sqlite-transaction';

// The SQLite writer thread's transaction (sqlite-worker.ts) on a real file, with a COMMIT that
// really fails: in rollback-journal mode COMMIT needs every reader gone, and a reader that stays
// past the busy timeout makes it fail with SQLITE_BUSY — after which SQLite keeps the
// transaction open. (The hub runs WAL, where the same happens when the fsync or the disk fails.)

const dirs: string[] = [];
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function databases(): { writer: Database.Database; reader: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-tx-'));
  dirs.push(dir);
  const file = join(dir, 'log.db');
  const writer = new Database(file);
  writer.pragma('journal_mode = DELETE');
  writer.pragma('busy_timeout = 0');
  writer.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, body TEXT)');
  const reader = new Database(file);
  open.push(writer, reader);
  return { writer, reader };
}

let clock = 0;
const now = (): number => ++clock;

describe('immediateTransaction', () => {
  it('leaves no transaction open when COMMIT fails, so the next batch can still be written', () => {
    const { writer, reader } = databases();
    const insert = writer.prepare('INSERT INTO events (seq, body) VALUES (?, ?)');
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM events').get(); // holds a read lock: COMMIT cannot finish
    expect(() => immediateTransaction(writer, () => insert.run(1, 'first'), now)).toThrow(/locked|busy/i);
    expect(writer.inTransaction).toBe(false);
    reader.exec('COMMIT');

    // The next batch goes in; the failed one is not there.
    immediateTransaction(writer, () => insert.run(2, 'second'), now);
    expect(reader.prepare('SELECT seq FROM events ORDER BY seq').pluck().all()).toEqual([2]);
  });

  it('reports the failure itself, not the ROLLBACK of a transaction SQLite already ended', () => {
    const { writer } = databases();
    expect(() =>
      immediateTransaction(
        writer,
        () => {
          writer.exec('ROLLBACK'); // what SQLite does by itself on some errors (SQLITE_FULL, I/O)
          throw new Error('the disk is full');
        },
        now,
      ),
    ).toThrow('the disk is full');
    expect(writer.inTransaction).toBe(false);
  });

  it('commits the body and times its steps in order', () => {
    const { writer, reader } = databases();
    const times = immediateTransaction(writer, () => writer.exec("INSERT INTO events VALUES (7, 'x')"), now);
    expect(times.locked).toBeLessThan(times.written);
    expect(times.written).toBeLessThan(times.committed);
    expect(reader.prepare('SELECT body FROM events WHERE seq = 7').pluck().get()).toBe('x');
  });
});
