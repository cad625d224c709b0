import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SoleHub } from '../../server/cluster/coordination';
import { openStore } from '../../server/store/open-store';
import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import { StoreHealth } from '../../server/store/store-health';
import { tempDataDir } from '../support/hub';

// A hub on SQLite says it is ready only once its writer thread is: the thread takes a few hundred
// ms to load, and before this the first alerts after a start waited for it (the slowest 1 % of
// deliveries at 20 alerts/s, docs/performance.md), or learnt only then that it could not open
// the file.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite writer thread at start', () => {
  it('is waited for by openStore, which gives a working SQLite log', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const { log, coordination } = await openStore({ dataDir, databaseUrl: null }, 'test', {
      configHash: () => 'x',
      health: new StoreHealth(),
      report: () => {},
    });
    expect(coordination).toBeInstanceOf(SoleHub);
    expect(log).toBeInstanceOf(SqliteLog);
    await log.close();
  });

  it('reports a thread that cannot open the file when asked if it is ready, not at the first alert', async () => {
    const dataDir = tempDataDir();
    const log = new SqliteLog(dataDir, () => {});
    // The main thread's connection is open; the writer thread, still loading, will find no file.
    rmSync(dataDir, { recursive: true, force: true });
    await expect(log.writerReady()).rejects.toThrow(/directory does not exist|unable to open/i);
    await log.close().catch(() => {});
  });
});
