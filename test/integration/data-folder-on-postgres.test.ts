import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logRecords, postJson, type RunningHub, samplesDir, startHub, tempDataDir } from '../support/hub';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../support/postgres';

// `--data-dir` beside `--database-url`: the real hub, on a throwaway PostgreSQL cluster. The folder
// holds nothing on PostgreSQL; the hub says so at start in its own words, naming the folder and
// the flag, and indeed writes nothing there while it takes alerts.

const missing = postgresMissing();
let postgres: ThrowawayPostgres | null = null;
const hubs: RunningHub[] = [];
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.kill()));
  postgres?.destroy();
});

describe.skipIf(missing !== null)(
  `a hub on PostgreSQL given a data folder${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('says at start what the folder is and is not used for, and writes nothing there', {
      timeout: 60_000,
    }, async () => {
      postgres ??= await startPostgres();
      const databaseUrl = await postgres.createDatabase('data_folder');
      const dataDir = tempDataDir('sitroom-pg-data-folder-');
      const hub = await startHub({ dataDir, args: ['--database-url', databaseUrl] });
      hubs.push(hub);

      const said = logRecords(hub.output()).find((record) => record.msg.includes(`data folder ${dataDir}`));
      expect(said, hub.output()).toBeDefined();
      expect(said?.msg).toContain('(--data-dir) holds none of it and gets nothing written');
      expect(said?.msg).toContain('a SQLite log not yet copied in');
      // Said plainly, not as trouble: the hub is doing what it was asked.
      expect(said?.level).toBe('info');

      const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8'));
      const answer = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
      expect(answer.status).toBe(200);
      await hub.stop();
      expect(readdirSync(dataDir)).toEqual([]);
    });
  },
);
