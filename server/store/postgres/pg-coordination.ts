import pg from 'pg';
import type { ClusterView, Coordination } from '../../cluster/coordination';
import type { LogFolder } from '../log-folder';
import type { StoreHealth } from '../store-health';
import { type FollowObserver, LogFollower } from './log-follower';
import { KEEPALIVE_AFTER_MS, type PgLog } from './pg-log';
import { LOCKS } from './pg-schema';

// Several hubs on one PostgreSQL. Each follows the others' commits (log-follower.ts) and competes
// for the leader's session-level advisory lock: whoever holds it runs the once-only work. A
// leader that dies (SIGKILL, crash, lost network) loses its session and so the lock; another
// hub takes it at its next try, within a second. Each hub also records itself in `hubs` every
// couple of seconds with its configuration's hash, which is how /healthz knows the others; who
// leads, /healthz asks of PostgreSQL's locks at the same time.

/** How often a follower tries for the lock, and a leader checks that its session is alive. */
const LEADER_TRY_MS = 1_000;
const HEARTBEAT_MS = 2_000;
/** A hub not seen for this long is no longer listed. */
const PEER_FRESH_MS = 10_000;
/**
 * Longest the heartbeat's statements may go unanswered: a database that hangs (frozen, or cut off
 * without a reset) fails nothing, so without it a quiet hub would go on saying it is well.
 */
const HEARTBEAT_TIMEOUT_MS = 5_000;
/** Longest the leader's session waits for an answer before it takes itself for lost. */
const LEADER_QUERY_TIMEOUT_MS = 5_000;
/**
 * PostgreSQL ends a leader's session that has said nothing for this long (idle_session_timeout,
 * PostgreSQL 14 and later), and with it the leader's lock. The leader speaks every second; one
 * that is frozen (SIGSTOP, a paused VM), or whose machine died or was cut off without closing its
 * connection, would otherwise hold the lock, and every escalation with it, until the server's TCP
 * keepalives gave up on it (hours, by default). Server-side keepalives on the session (below) do
 * the same for a dead machine or network on PostgreSQL 13.
 */
const LEADER_SESSION_IDLE_MS = 10_000;

export class PgCoordination implements Coordination {
  private readonly listeners: Array<(leading: boolean) => void> = [];
  private readonly follower: LogFollower;
  private leaderSession: pg.Client | null = null;
  private leading = false;
  private leaderTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setTimeout> | null = null;
  private peers: ClusterView['peers'] = [];
  /** `instance hash` of every hub found running another configuration, warned about once each. */
  private readonly warnedConfigs = new Set<string>();
  private leader: string | null = null;
  private readonly startedAt = Date.now();
  private closed = false;

  constructor(
    private readonly log: PgLog,
    private readonly instance: string,
    private readonly configHash: () => string,
    private readonly health: Pick<StoreHealth, 'failed' | 'succeeded'> | null,
    private readonly report: (line: string) => void,
    observer: FollowObserver | null = null,
  ) {
    this.follower = new LogFollower(log, instance, report, observer);
  }

  isLeader(): boolean {
    return this.leading;
  }

  onLeadership(listener: (leading: boolean) => void): void {
    this.listeners.push(listener);
  }

  start(folder: LogFolder): void {
    this.follower.start(folder);
    void this.heartbeat();
    void this.tryToLead();
  }

  describe(): ClusterView {
    return {
      instance: this.instance,
      // What the hubs table said at the last heartbeat may be this hub's own leadership, lost
      // since: only `leading` says this hub leads.
      leader: this.leading ? this.instance : this.leader === this.instance ? null : this.leader,
      peers: this.peers.filter((peer) => peer.instance !== this.instance),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.leaderTimer) clearTimeout(this.leaderTimer);
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    await this.follower.close();
    this.setLeading(false);
    await this.leaderSession?.end().catch(() => {});
    this.leaderSession = null;
    await this.log.pool.query('DELETE FROM hubs WHERE instance = $1', [this.instance]).catch(() => {});
  }

  private async tryToLead(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.leaderSession) {
        const session = new pg.Client({
          connectionString: this.log.url,
          keepAlive: true,
          keepAliveInitialDelayMillis: KEEPALIVE_AFTER_MS,
          query_timeout: LEADER_QUERY_TIMEOUT_MS,
          application_name: `sitroom-hub ${this.instance} leader`,
        });
        session.on('error', (error) => this.lostSession(session, error));
        this.leaderSession = session;
        await session.connect();
        await boundSession(session);
        if (this.closed) {
          this.leaderSession = null;
          await session.end();
          return;
        }
      }
      if (this.leading) {
        await this.leaderSession.query('SELECT 1');
      } else {
        const result = await this.leaderSession.query<{ locked: boolean; pid: number }>(
          'SELECT pg_try_advisory_lock($1) AS locked, pg_backend_pid() AS pid',
          [LOCKS.leader],
        );
        if (result.rows[0]?.locked) {
          const session = this.leaderSession;
          // Wait out a commit of the old leader's that read it as leading (under the write lock)
          // and has yet to COMMIT: passing through the write lock once means it has landed, and
          // is folded below, or was rolled back. Every later commit reads pg_locks with the lock
          // ours, so the old leader lands no leader work after this.
          await session.query(`BEGIN; SELECT pg_advisory_xact_lock(${Math.trunc(LOCKS.write)}); COMMIT`);
          // Fold what was committed before the lock was ours (a dead leader's last page among
          // it) before leading: the new term finishes what it finds folded, and leaves only later
          // commits to the live work, so nothing is both resumed and sent live. Twice: the first
          // may be a read that began before the lock.
          await this.follower.catchUp();
          await this.follower.catchUp();
          if (!this.closed && this.leaderSession === session) {
            // Commits of leader work land only while this session holds the lock (fencing).
            this.log.leaderPid = result.rows[0]?.pid ?? null;
            this.setLeading(true);
          }
        }
      }
    } catch (error) {
      if (this.leaderSession) this.lostSession(this.leaderSession, error);
    }
    if (!this.closed) {
      this.leaderTimer = setTimeout(() => void this.tryToLead(), LEADER_TRY_MS);
      this.leaderTimer.unref();
    }
  }

  /** The session holding (or trying for) the lock is gone: so is the lock, if we had it. */
  private lostSession(session: pg.Client, error: unknown): void {
    if (this.leaderSession !== session) return;
    this.leaderSession = null;
    void session.end().catch(() => {});
    if (this.leading) this.report(`cluster: lost the leader's session (${String(error)}); stepping down`);
    this.setLeading(false);
  }

  private setLeading(leading: boolean): void {
    if (!leading) {
      this.log.leaderPid = null;
      if (this.leader === this.instance) this.leader = null;
    }
    if (this.leading === leading) return;
    this.leading = leading;
    for (const listener of this.listeners) listener(leading);
    void this.heartbeat();
  }

  /**
   * Hubs sharing the log must run one configuration, or one pages people the others never would:
   * /healthz lists the difference, and the log says so once per hub and configuration, at warn,
   * for whoever alerts on the log rather than polls /healthz.
   */
  private warnOfOtherConfigurations(): void {
    const own = this.configHash();
    for (const peer of this.peers) {
      if (peer.instance === this.instance || peer.configHash === own) continue;
      const key = `${peer.instance} ${peer.configHash} ${own}`;
      if (this.warnedConfigs.has(key)) continue;
      this.warnedConfigs.add(key);
      this.report(
        `cluster: warning: hub ${peer.instance} runs a different configuration (hash ${peer.configHash}, this hub ${own}): give every hub the same configuration folder`,
      );
    }
  }

  private async heartbeat(): Promise<void> {
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
    if (this.closed) return;
    const now = Date.now();
    try {
      await this.log.pool.query({
        text: `INSERT INTO hubs (instance, config_hash, started_at, seen_at, leader) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (instance) DO UPDATE SET config_hash = excluded.config_hash, seen_at = excluded.seen_at, leader = excluded.leader`,
        values: [this.instance, this.configHash(), this.startedAt, now, this.leading],
        query_timeout: HEARTBEAT_TIMEOUT_MS,
      } as pg.QueryConfig);
      const seen = await this.log.pool.query<{
        instance: string;
        config_hash: string;
        seen_at: string;
        leader: boolean;
      }>({
        text: 'SELECT instance, config_hash, seen_at, leader FROM hubs WHERE seen_at > $1 ORDER BY instance',
        values: [now - PEER_FRESH_MS],
        query_timeout: HEARTBEAT_TIMEOUT_MS,
      } as pg.QueryConfig);
      this.peers = seen.rows.map((row) => ({
        instance: row.instance,
        configHash: row.config_hash,
        seenAt: Number(row.seen_at),
      }));
      const holder = await this.log.pool.query<{ name: string }>({
        text: LEADER_HOLDER,
        query_timeout: HEARTBEAT_TIMEOUT_MS,
      } as pg.QueryConfig);
      this.leader = leaderNamed(holder.rows[0]?.name, seen.rows);
      this.warnOfOtherConfigurations();
      await this.log.pool.query({
        text: 'DELETE FROM hubs WHERE seen_at < $1',
        values: [now - 86_400_000],
        query_timeout: HEARTBEAT_TIMEOUT_MS,
      } as pg.QueryConfig);
      // A write that went through: a hub that failed a commit while quiet recovers here too.
      this.health?.succeeded();
    } catch (error) {
      // Who leads now is not known here; this hub's own leadership is its session's to say.
      this.leader = null;
      this.health?.failed(error);
    }
    if (!this.closed) {
      this.heartbeatTimer = setTimeout(() => void this.heartbeat(), HEARTBEAT_MS);
      this.heartbeatTimer.unref();
    }
  }
}

/**
 * The application_name of the session holding the leader's lock in this database, if any. Asked
 * of PostgreSQL rather than read from `hubs`: a leader killed a moment ago still has a fresh row
 * there saying it leads, beside its successor's, for as long as rows count as fresh.
 */
const LEADER_HOLDER = `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND l.classid = 0 AND l.objid = ${LOCKS.leader} AND l.objsubid = 1
    AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/**
 * The leader's instance: the one its lock-holding session names (tryToLead names it), or, where
 * that name is not ours to read (a pooler that rewrites it), the hub that said it leads most lately.
 */
function leaderNamed(
  holder: string | undefined,
  rows: ReadonlyArray<{ instance: string; seen_at: string; leader: boolean }>,
): string | null {
  if (holder === undefined) return null;
  const named = /^sitroom-hub (\S+) leader$/.exec(holder)?.[1];
  if (named !== undefined) return named;
  const claims = rows.filter((row) => row.leader).sort((a, b) => Number(b.seen_at) - Number(a.seen_at));
  return claims[0]?.instance ?? null;
}

/**
 * Makes the server end the leader's session, and so free its lock, when the hub behind it stops
 * speaking: idle_session_timeout where PostgreSQL has it (14 and later), and TCP keepalives from
 * the server's side for a machine or network that died without closing the connection.
 */
async function boundSession(session: pg.Client): Promise<void> {
  const idle = Math.max(1, Math.round(LEADER_SESSION_IDLE_MS / 1000));
  const version = await session.query<{ version: number }>(
    "SELECT current_setting('server_version_num')::int AS version",
  );
  await session.query(
    'SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3',
  );
  if ((version.rows[0]?.version ?? 0) >= 140_000)
    await session.query(`SET idle_session_timeout = '${idle}s'`);
}
