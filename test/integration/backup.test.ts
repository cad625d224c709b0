import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { logChecksum } from '../../server/store/sqlite/sqlite-backup';
import { SQLITE_FILE } from '../../server/store/sqlite/sqlite-log';
import { freshGroup, groupAlerts, webhookBody } from '../bench/alert-bodies';
import { postJson, type RunningHub, repoRoot, startHub, tempDataDir } from '../support/hub';

// `npm run hub -- backup FILE` against a hub that keeps ingesting, then the documented restore
// (docs/operations.md): the backup file becomes sitroom-hub.sqlite in a fresh data folder. The
// restored hub must hold exactly the history up to the backup's seq (same events, same checksum)
// and carry on from there.

const run = promisify(execFile);
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.kill();
});

/** The real command, as `npm run hub -- backup …` runs it (without the console build). */
function backupCommand(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', join(repoRoot, 'server', 'main.ts'), 'backup', ...args], {
    cwd: repoRoot,
  });
}

/** Posts alerts four at a time until stopped; counts the 2xx answers. */
function keepIngesting(hub: RunningHub): { answered(): number; stop(): Promise<void> } {
  let answered = 0;
  let stopping = false;
  const sender = async (): Promise<void> => {
    while (!stopping) {
      const group = freshGroup('backup');
      const reply = await postJson(
        `${hub.url}/api/v1/ingest/alertmanager`,
        webhookBody(group, groupAlerts(group, 3)),
      );
      if (reply.status !== 200)
        throw new Error(`ingest answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      answered += 1;
    }
  };
  const senders = Promise.all([sender(), sender(), sender(), sender()]);
  return {
    answered: () => answered,
    stop: async () => {
      stopping = true;
      await senders;
    },
  };
}

function checksumOf(dataDir: string, throughSeq?: number): { checksum: string; lastSeq: number } {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
  try {
    const { last } = db.prepare('SELECT MAX(seq) AS last FROM events').get() as { last: number };
    return { checksum: logChecksum(db, throughSeq), lastSeq: last };
  } finally {
    db.close();
  }
}

describe('npm run hub -- backup FILE', () => {
  it('copies the log while ingest runs; a hub restored from it has every event up to its seq', async () => {
    const original = await startHub();
    hubs.push(original);
    const ingest = keepIngesting(original);
    await expect.poll(() => ingest.answered(), { timeout: 20_000 }).toBeGreaterThan(100);

    const file = join(mkdtempSync(join(tmpdir(), 'sitroom-backup-')), 'hub.sqlite');
    const answeredBefore = ingest.answered();
    const { stdout } = await backupCommand(file, '--data-dir', original.dataDir);
    const printed = /through seq (\d+), \d+ bytes, checksum ([0-9a-f]{64}), log id ([0-9a-f-]{36})/.exec(
      stdout,
    );
    expect(printed, stdout).not.toBeNull();
    const backupSeq = Number(printed?.[1]);
    // Ingest went on during and after the backup, so the hub's log grew past the copy.
    await expect.poll(() => ingest.answered(), { timeout: 20_000 }).toBeGreaterThan(ingest.answered() + 50);
    await ingest.stop();
    expect(ingest.answered()).toBeGreaterThan(answeredBefore);
    await original.stop();

    const after = checksumOf(original.dataDir);
    expect(after.lastSeq).toBeGreaterThan(backupSeq);
    // The copy is the original's history up to the backup's seq, byte for byte.
    expect(checksumOf(original.dataDir, backupSeq).checksum).toBe(printed?.[2]);
    expect(existsSync(`${file}.partial`)).toBe(false);

    // The copy is a history of its own from here on: a new log id, so consoles and receivers do
    // not take the restored hub's new seqs and incident numbers for the original's.
    const logIdIn = (dataDir: string): string => {
      const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
      try {
        return (db.prepare("SELECT value FROM meta WHERE key = 'hub_id'").get() as { value: string }).value;
      } finally {
        db.close();
      }
    };
    expect(printed?.[3]).not.toBe(logIdIn(original.dataDir));

    // Restore: the backup file becomes the log of a fresh data folder.
    const restoredDir = tempDataDir('sitroom-restored-');
    copyFileSync(file, join(restoredDir, SQLITE_FILE));
    const restored = await startHub({ dataDir: restoredDir });
    hubs.push(restored);
    expect((await fetch(`${restored.url}/healthz`)).status).toBe(200);
    expect(logIdIn(restoredDir)).toBe(printed?.[3]);
    const open = (await (await restored.api('/api/v1/incidents?status=all')).json()) as {
      incidents: Array<{ id: string }>;
    };
    expect(open.incidents.length).toBeGreaterThan(0);
    // It carries on numbering after the copy: a new alert opens a new incident, not a reused id.
    const group = freshGroup('after-restore');
    expect(
      (
        await postJson(
          `${restored.url}/api/v1/ingest/alertmanager`,
          webhookBody(group, groupAlerts(group, 1)),
        )
      ).status,
    ).toBe(200);
    await restored.stop();
    const resumed = checksumOf(restoredDir);
    expect(resumed.lastSeq).toBeGreaterThan(backupSeq);
    expect(checksumOf(restoredDir, backupSeq).checksum).toBe(printed?.[2]);
    const ids = new Database(join(restoredDir, SQLITE_FILE), { readonly: true })
      .prepare("SELECT incident_id AS id FROM events WHERE type = 'incident_opened'")
      .all() as Array<{ id: string }>;
    expect(new Set(ids.map((row) => row.id)).size).toBe(ids.length);
  });

  it('refuses to overwrite a file, and names pg_dump for a hub on PostgreSQL', async () => {
    const dataDir = tempDataDir();
    const hub = await startHub({ dataDir });
    hubs.push(hub);
    const file = join(mkdtempSync(join(tmpdir(), 'sitroom-backup-')), 'hub.sqlite');
    await backupCommand(file, '--data-dir', dataDir);
    await expect(backupCommand(file, '--data-dir', dataDir)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exists already'),
    });
    await expect(
      backupCommand(file, '--database-url', 'postgres://sitroom@127.0.0.1/sitroom'),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('pg_dump') });
  });
});
