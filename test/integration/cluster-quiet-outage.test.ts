import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startCluster, type TestCluster } from '../support/cluster';
import { postgresMissing } from '../support/postgres';

// A hub on PostgreSQL reads the log every second, as a safety net for notifications it missed.
// While the database is down each of those reads fails: the log said so at `error` once a second
// per hub, 3,600 lines an hour each, for one outage that /healthz already reports. It says so
// once, and once more when reading works again.

const missing = postgresMissing();
let cluster: TestCluster | null = null;
afterEach(async () => {
  await cluster?.destroy();
  cluster = null;
});

describe.skipIf(missing !== null)(
  `a database outage in the log${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('says reading the log failed once, not once a second, and when it works again', {
      timeout: 120_000,
    }, async () => {
      cluster = await startCluster(1);
      const hub = cluster.hubs[0];
      if (!hub) throw new Error('no hub');
      const healthy = async (): Promise<boolean> => (await fetch(`${hub.url}/healthz`)).status === 200;
      await eventually(healthy, 'the hub well');

      cluster.postgres.stop('fast');
      // Six polls' worth of failing reads.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      cluster.postgres.start();
      await eventually(healthy, 'the hub well again', 30_000);
      const failed = hub
        .output()
        .split('\n')
        .filter((line) => line.includes('reading the log failed'));
      // One line for the refused connections; at most one more if PostgreSQL, starting up, gave
      // another reason before it answered.
      expect(failed.length, failed.join('\n')).toBeGreaterThanOrEqual(1);
      expect(failed.length, failed.join('\n')).toBeLessThanOrEqual(2);
      await eventually(() => hub.output().includes('reading the log again'), 'the hub saying it reads again');
      const again = /reading the log again, after (\d+) s and (\d+) tries/.exec(hub.output());
      expect(Number(again?.[2])).toBeGreaterThanOrEqual(5);
    });
  },
);
