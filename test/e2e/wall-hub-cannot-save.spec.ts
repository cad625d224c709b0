import { expect, test } from '@playwright/test';
import { postJson, type RunningHub, startHub } from '../support/hub';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../support/postgres';
import { alertmanagerGroup } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// A hub on PostgreSQL whose database goes down keeps serving its walls, but can store nothing:
// it refuses new alerts (monitoring sends them again) and holds actions. The wall said "Hub
// degraded", which told the room nothing it could act on. It now says, on its one line, that
// the hub cannot save and for how long, and under it that new alerts wait; on a 1366 px TV too.

const missing = postgresMissing();
const SCREEN = { width: 1366, height: 768 };

let postgres: ThrowawayPostgres | null = null;
let hub: RunningHub | null = null;
test.afterEach(async () => {
  await hub?.kill();
  hub = null;
  postgres?.destroy();
  postgres = null;
});

test.skip(missing !== null, `PostgreSQL is needed (skipped: ${missing})`);

test('a wall says in its own words that the hub cannot save while its database is down', async ({ page }) => {
  postgres = await startPostgres();
  hub = await startHub({ args: ['--database-url', await postgres.createDatabase('wall_outage')] });
  await page.setViewportSize(SCREEN);
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board');
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveText('Live');

  postgres.stop('fast');
  // The hub learns its store is down at its next commit: monitoring's next alert.
  const alert = alertmanagerGroup({ alertname: 'DiskFull', service: 'orders-db', severity: 'critical' });
  const refused = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, alert);
  expect(refused.status).toBe(503);

  await expect(status).toHaveAttribute('data-status', 'degraded');
  await expect(page.getByTestId('connection-word')).toHaveText("Hub can't save");
  // What the room sees ends the line; since when is told to a screen reader before it.
  await expect(status).toHaveText(/Hub can't save \d+s$/);
  await expect(status.locator('.visually-hidden')).toHaveText(
    /^Hub can't save since \d\d:\d\d:\d\d \S+: new alerts and actions wait$/,
  );
  await expect(page.getByTestId('last-update')).toHaveText(/^new alerts wait · last update \d\d:\d\d:\d\d /);
  // Whole on its line, the word never cut, on the smallest wall.
  const cut = await status.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
  expect(cut).toBe(false);

  // The database back, the next alert is stored and the wall is live again.
  postgres.start();
  await expect
    .poll(async () => (await postJson(`${hub?.url}/api/v1/ingest/alertmanager`, alert)).status, {
      timeout: 30_000,
    })
    .toBe(200);
  await expect(status).toHaveText('Live', { timeout: 15_000 });
});
