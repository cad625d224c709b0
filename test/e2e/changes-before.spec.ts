import { rmSync } from 'node:fs';
import { configWithDeploys, DEPLOYS, minutesAgo } from '../support/changes';
import { postJson } from '../support/hub';
import { test as base, expect } from './fixtures';
import { alertmanagerGroup } from './helpers/monitoring';
import { SignInDialog } from './pages/sign-in-dialog';

// "What changed before it broke" in the console, against a real hub with the example catalog
// (checkout-web → payments-api → payments-db): a deploy reported through the change endpoint
// shows on the incident that opens four minutes later, and on the map's side panel; a change
// whose text is hostile markup stays text, and its links open only if they are http(s).

const test = base.extend<{ configFolder: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  configFolder: async ({}, provide) => {
    const dir = configWithDeploys();
    await provide(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  hubSetup: async ({ configFolder }, provide) => provide({ args: ['--config-dir', configFolder] }),
});

test('the incident view shows the deploy just before it, and the map panel the service’s changes', async ({
  board,
  incident,
  hub,
  page,
}) => {
  const deploy = await postJson(
    `${hub.url}/api/v1/ingest/change`,
    {
      service: 'checkout-web',
      summary: 'v2.3',
      kind: 'deploy',
      by: 'ci',
      at: minutesAgo(4),
      links: [{ href: 'https://ci.example/run/812', text: 'pipeline 812' }],
    },
    DEPLOYS,
  );
  expect(deploy.status).toBe(202);
  const hostile = await postJson(`${hub.url}/v2/change/enqueue`, {
    routing_key: 'R0ZABBIXDC1abcdefghijklmnopqrstu',
    payload: {
      summary: '<img src=x onerror="window.__pwned=1">pool size',
      source: 'pg-pay-01.dc1',
      timestamp: minutesAgo(10),
      custom_details: { kind: 'config', by: '<b>mallory</b>' },
    },
  });
  expect(hostile.status).toBe(202);

  await page.goto(`${hub.url}/`);
  await new SignInDialog(page).signIn('dana-token');
  await board.waitUntilLive();
  const opened = await postJson(
    `${hub.url}/api/v1/ingest/alertmanager`,
    alertmanagerGroup({ alertname: 'CheckoutErrors', service: 'checkout-web', severity: 'critical' }),
    { authorization: 'Bearer prom-dc1-token' },
  );
  expect(opened.status).toBe(200);
  await expect(board.openRows()).toHaveCount(1);
  await board.openRows().first().click();
  await expect(incident.view).toBeVisible();

  const items = incident.changes.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('deploy checkout-web v2.3 by ci, 4 min before');
  await expect(items.first().getByRole('link', { name: 'pipeline 812' })).toHaveAttribute(
    'href',
    'https://ci.example/run/812',
  );
  // payments-db is a dependency two hops up: its config change counts, and stays text.
  await expect(items.nth(1)).toContainText(
    'config payments-db <img src=x onerror="window.__pwned=1">pool size',
  );
  await expect(items.nth(1)).toContainText('by <b>mallory</b>, 10 min before');
  await expect(incident.changes.locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // The map: select checkout-web, its panel lists the deploy.
  await page.keyboard.press('Escape');
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page.getByTestId('map-view')).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('checkout');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('map-panel').getByRole('heading', { level: 3 })).toContainText(
    'Checkout web',
  );
  await expect(page.getByTestId('map-panel-changes')).toContainText('deploy checkout-web v2.3 by ci');
});
