import type pg from 'pg';
import type { HubEvent } from '../../../shared/events';
import { type CommandRow, changeRows, type EventRow } from '../event-log';

// The statements every writer to the PostgreSQL log shares: a transaction on a pooled
// connection, and rows appended as arrays through unnest (one round trip for any batch size).

/**
 * Ends a transaction with its last statement: the statement and COMMIT are sent together, and
 * PostgreSQL runs the COMMIT as soon as the statement is done, without waiting for this process
 * to read the statement's answer and ask (the pool's connections pipeline, pg-log.ts). Resolves
 * with the statement's result once both are answered, so only after the commit; rejects, with
 * nothing stored, when the statement failed (PostgreSQL then answers the COMMIT with ROLLBACK).
 */
export type CommitWith = (
  text: string,
  values: ReadonlyArray<unknown>,
  /** Told when the statement's own answer arrives (the COMMIT's follows): for timing. */
  answered?: () => void,
) => Promise<pg.QueryResult>;

/**
 * Runs `work` in a transaction: committed when it resolves (or by `commitWith`, if `work` ended
 * the transaction with it), rolled back when it throws. With `lock`, the transaction first takes
 * that advisory lock (in the same round trip as BEGIN). With `opening` too, that statement runs in
 * the same round trip after the lock (so it sees every commit made before the lock was granted),
 * and `work` gets its result: one round trip fewer for a writer that must read under the lock.
 * `opening` is sent as a simple query, without parameters: it must be built from our own numbers
 * only, never from outside data.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient, opened: pg.QueryResult | null, commitWith: CommitWith) => Promise<T>,
  lock?: number,
  opening?: string,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  let ended = false;
  const commitWith: CommitWith = async (text, values, answered) => {
    ended = true;
    // Both on the wire before either answer is read: a connection in pipeline mode sends each
    // query as it is made. Awaiting the statement alone first would leave the transaction (and
    // any lock it holds) open until this process is scheduled again to send the COMMIT.
    const statement = client.query(text, values as unknown[]);
    if (answered) statement.then(answered, () => {});
    const commit = client.query('COMMIT');
    const [done, committed] = await Promise.allSettled([statement, commit]);
    if (committed.status === 'rejected') {
      // The connection failed: whether the COMMIT took effect is unknown, and it is not reused.
      broken = committed.reason instanceof Error ? committed.reason : new Error(String(committed.reason));
      throw committed.reason;
    }
    if (done.status === 'rejected') throw done.reason;
    if (committed.value.command !== 'COMMIT')
      throw new Error(`the transaction ended with ${committed.value.command}, not COMMIT`);
    return done.value;
  };
  try {
    // A constant key, so the statements can go as one simple query.
    const begin = lock === undefined ? 'BEGIN' : `BEGIN; SELECT pg_advisory_xact_lock(${Math.trunc(lock)})`;
    const results = (await client.query(opening ? `${begin}; ${opening}` : begin)) as unknown as
      | pg.QueryResult
      | pg.QueryResult[];
    const opened = opening && Array.isArray(results) ? (results[results.length - 1] ?? null) : null;
    const result = await work(client, opened, commitWith);
    if (!ended) await client.query('COMMIT');
    return result;
  } catch (error) {
    // Ended by commitWith: the transaction is over (committed or rolled back) or the connection is gone.
    if (!ended)
      await client.query('ROLLBACK').catch((rollback: unknown) => {
        // A connection that cannot even roll back is not given back to the pool.
        broken = rollback instanceof Error ? rollback : new Error(String(rollback));
      });
    throw error;
  } finally {
    client.release(broken);
  }
}

export async function insertEvents(client: pg.PoolClient, rows: ReadonlyArray<EventRow>): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO events (seq, at, type, incident_id, body)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[])`,
    columns(rows, 5),
  );
  // The `changes` table is the change events' index: a copied log brings its changes along.
  const changes = changeRows(
    rows.filter((row) => row[2] === 'change_recorded').map((row) => JSON.parse(row[4]) as HubEvent),
  );
  if (changes.length === 0) return;
  await client.query(
    `INSERT INTO changes (seq, at, service, kind, body)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[])`,
    columns(changes, 5),
  );
}

export async function insertCommands(client: pg.PoolClient, rows: ReadonlyArray<CommandRow>): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO commands (command_id, user_id, body_sha256, at, answer)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[])`,
    columns(rows, 5),
  );
}

/** Rows to one array per column, as unnest takes them. */
export function columns(rows: ReadonlyArray<ReadonlyArray<unknown>>, width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
}
