import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../server/store/sqlite/sqlite-log';
import { groupAlerts, webhookBody } from '../bench/alert-bodies';
import { postJson, type RunningHub, startHub, tempDataDir } from '../support/hub';

// A snapshot is a cache of the folded log. One that does not read back (a torn write, a bug in
// an older version) must not keep the hub from starting: it is passed over, said so in the log,
// and the hub folds the log from the start instead.

let hub: RunningHub | null = null;
afterEach(async () => {
  await hub?.kill();
  hub = null;
});

describe('a snapshot that does not parse', () => {
  it('is passed over with a log line, and the hub replays the log instead', async () => {
    const dataDir = tempDataDir('sitroom-snapshot-');
    hub = await startHub({ dataDir });
    for (const group of ['snap-a', 'snap-b']) {
      const body = webhookBody(group, groupAlerts(group, 2));
      expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, body)).status).toBe(200);
    }
    const before = await (await fetch(`${hub.url}/api/v1/incidents?status=all`)).json();
    await hub.stop(); // a clean stop writes a snapshot
    hub = null;

    const db = new Database(join(dataDir, SQLITE_FILE));
    const saved = db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number };
    expect(saved.n).toBe(1);
    db.prepare('UPDATE snapshots SET body = ?').run('{"seq": 6, "incidents": [{"id": "INC-1", "sta');
    db.close();

    hub = await startHub({ dataDir });
    expect(await (await fetch(`${hub.url}/api/v1/incidents?status=all`)).json()).toEqual(before);
    expect(hub.output()).toMatch(/snapshot at seq 6 is unreadable .*replaying the log instead/);
  });
});
