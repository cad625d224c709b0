import type Database from 'better-sqlite3';

// One write transaction written out by hand (BEGIN IMMEDIATE … COMMIT), so its steps can be timed
// apart: db.transaction() runs COMMIT inside itself. What db.transaction() also did, and this must
// do too: whatever fails — an insert, or COMMIT itself (SQLITE_BUSY, SQLITE_FULL, an I/O error
// while syncing) — the transaction is not left open. SQLite keeps a transaction whose COMMIT
// failed with SQLITE_BUSY open, and then every later BEGIN IMMEDIATE fails with "cannot start a
// transaction within a transaction": the hub would refuse every alert from then on. And a failure
// SQLite answered by rolling back itself (it may, on SQLITE_FULL or an I/O error) must be reported
// as itself, not as "cannot rollback - no transaction is active".

/** When each step ended, on the caller's clock. */
export interface TransactionTimes {
  /** The write lock held (BEGIN IMMEDIATE returned). */
  readonly locked: number;
  /** The body done. */
  readonly written: number;
  /** COMMIT (and its fsync) returned. */
  readonly committed: number;
}

export function immediateTransaction(
  db: Database.Database,
  body: () => void,
  now: () => number,
): TransactionTimes {
  db.exec('BEGIN IMMEDIATE');
  try {
    const locked = now();
    body();
    const written = now();
    db.exec('COMMIT');
    return { locked, written, committed: now() };
  } catch (error) {
    if (db.inTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // The first failure is the one worth reporting.
      }
    }
    throw error;
  }
}
