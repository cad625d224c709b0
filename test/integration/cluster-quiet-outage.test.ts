import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startCluster, type TestCluster } from '../support/cluster';
import { postgresMissing } from '../support/postgres';

// A hub on PostgreSQL reads the log every second, as a safety net for notifications it missed.
// While the database is down each of those reads fails: the log said so at `error` once a second
// per hub, 3,600 lines an hour each, for one outage that /healthz already reports, and the
// listening connection's retries more. Each says so once, and once when it works again.

const missing = postgresMissing();
let cluster: TestCluster | null = null;
afterEach(async () => {
  await cluster?.destroy();
  cluster = null;
});

describe.skipIf(missing !== null)(
  `a database outage in the log${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('says reading and listening failed once, not at every try, and when they work again', {
      timeout: 120_000,
    }, async () => {
      cluster = await startCluster(1);
      const hub = cluster.hubs[0];
      if (!hub) throw new Error('no hub');
      const healthy = async (): Promise<boolean> => (await fetch(`${hub.url}/healthz`)).status === 200;
      await eventually(healthy, 'the hub well');

      cluster.postgres.stop('fast');
      // Six polls' worth of failing reads, and four tries to listen (0.25, 0.5, 1 and 2 s apart).
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      cluster.postgres.start();
      await eventually(healthy, 'the hub well again', 30_000);
      const failed = hub
        .output()
        .split('\n')
        .filter((line) => line.includes('reading the log failed'));
      expect(failed.length, failed.join('\n')).toBe(1);
      await eventually(() => hub.output().includes('reading the log again'), 'the hub saying it reads again');
      const again = /reading the log again, after (\d+) s and (\d+) tries/.exec(hub.output());
      expect(Number(again?.[2])).toBeGreaterThanOrEqual(5);

      // The connection that listens for the others' commits, tried again every 5 s at most, fails
      // for several reasons on the way down (its session ended, shutting down, reset, refused):
      // once for the outage all the same, and once back.
      const listening = hub
        .output()
        .split('\n')
        .filter((line) => line.includes('listening for commits failed'));
      expect(listening.length, listening.join('\n')).toBe(1);
      await eventually(() => hub.output().includes('listening for commits again'), 'the hub listening again');
    });
  },
);
