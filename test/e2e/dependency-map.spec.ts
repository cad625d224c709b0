import { rmSync } from 'node:fs';
import { copyOfValidConfig } from '../support/config-folder';
import { postJson } from '../support/hub';
import { test as base, expect } from './fixtures';
import { alertmanagerGroup } from './helpers/monitoring';
import { SignInDialog } from './pages/sign-in-dialog';

// The dependency map and the incident's impact against a real hub running the example config
// folder: payments-db ← payments-api ← checkout-web, owned by data-platform and payments.

const test = base.extend<{ configFolder: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  configFolder: async ({}, provide) => {
    const dir = copyOfValidConfig();
    await provide(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  hubSetup: async ({ configFolder }, provide) => provide({ args: ['--config-dir', configFolder] }),
});

test('an alert on payments-db turns it SEV1 on the map, its dependants amber, and notify tells the teams', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await page.goto(`${hub.url}/`);
  await new SignInDialog(page).signIn('dana-token');
  await board.waitUntilLive();

  await page.keyboard.press('g');
  await page.keyboard.press('m');
  const map = page.getByTestId('map-view');
  const node = (id: string) => map.locator(`[data-service-id="${id}"]`);
  await expect(map).toBeVisible();
  await expect(node('payments-db')).toHaveAttribute('data-health', 'ok');
  await expect(node('payments-db')).toContainText('OK');

  const answer = await postJson(
    `${hub.url}/api/v1/ingest/alertmanager`,
    alertmanagerGroup({
      alertname: 'PostgresReplicationLag',
      service: 'payments-db',
      severity: 'critical',
      summary: 'Replica pg-2 is 312s behind primary',
    }),
    { authorization: 'Bearer prom-dc1-token' },
  );
  expect(answer.status).toBe(200);

  // The map follows the live board: no reload.
  await expect(node('payments-db')).toHaveAttribute('data-health', 'sev1');
  await expect(node('payments-db')).toContainText('SEV1');
  for (const id of ['payments-api', 'checkout-web']) {
    await expect(node(id)).toHaveAttribute('data-impacted', 'true');
  }
  await expect(node('search-api')).toHaveAttribute('data-impacted', 'false');
  await expect(map.locator('.map-edge--impact[data-edge="payments-api→payments-db"]')).toHaveCount(1);
  await expect(map.locator('.map-edge--impact[data-edge="checkout-web→payments-api"]')).toHaveCount(1);

  // Find checkout-web, see its likely cause, then walk up to payments-db with the arrows.
  await page.keyboard.press('/');
  await page.keyboard.type('checkout');
  await page.keyboard.press('Enter');
  const selected = page.getByTestId('map-panel').getByRole('heading', { level: 3 });
  await expect(selected).toContainText('Checkout web');
  await expect(page.getByTestId('map-panel-causes')).toContainText('Payments DB');
  // A fast typist's Enter and next arrow arrive before the browser draws a frame: the arrow
  // must move on the map, not vanish into the find box. Both keys are sent in one task.
  await page.keyboard.press('/');
  await page.keyboard.type('checkout');
  await page.evaluate(() => {
    const press = (key: string) =>
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key, code: key, bubbles: true, cancelable: true }),
      );
    press('Enter');
    press('ArrowUp');
  });
  // Dependencies sit above: up, then along the layer, as the layout placed them.
  await expect(selected).toContainText('Auth API');
  for (const [key, name] of [
    ['ArrowRight', 'Payments API'],
    ['ArrowUp', 'Kafka event bus'],
    ['ArrowRight', 'Payments DB'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(selected).toContainText(name);
  }
  await expect(page.getByTestId('map-panel-blast')).toContainText('Checkout web');

  // The map's keys are in the cheat sheet.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Show only the selected service and its neighbours');
  await expect(sheet).toContainText('Go to the dependency map');
  await page.keyboard.press('Escape');

  // f keeps only the neighbours; f again shows everything.
  await page.keyboard.press('f');
  await expect(node('search-api')).toHaveCount(0);
  await expect(node('payments-api')).toHaveCount(1);
  await page.keyboard.press('f');
  await expect(node('search-api')).toHaveCount(1);

  // Enter opens payments-db's incident; its impact lists the downstream services and teams.
  await page.keyboard.press('Enter');
  await expect(incident.view).toBeVisible();
  const impact = page.getByTestId('impact-panel');
  await expect(impact.locator('[data-service-id="checkout-web"]')).toContainText('Payments');
  await expect(impact.locator('[data-team-id="data-platform"]')).toContainText('not notified');

  await incident.press('i');
  await expect(incident.timelineEntry('Teams notified: data-platform, payments')).toHaveCount(1);
  await expect(impact.locator('[data-team-id="payments"]')).toHaveAttribute('data-notified', 'true');
  await expect(impact.locator('[data-team-id="data-platform"]')).toContainText('notified at');
});

test('a wall display sees the map but is told why it may not notify', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await page.goto(`${hub.url}/`);
  await new SignInDialog(page).signIn('wall-token');
  await board.waitUntilLive();
  await postJson(
    `${hub.url}/api/v1/ingest/alertmanager`,
    alertmanagerGroup({ alertname: 'KafkaDown', service: 'kafka', severity: 'critical' }),
    { authorization: 'Bearer prom-dc1-token' },
  );
  await expect(board.openRows()).toHaveCount(1);
  await page.getByTestId('map-tab').click();
  const map = page.getByTestId('map-view');
  await expect(map.locator('[data-service-id="kafka"]')).toHaveAttribute('data-health', 'sev1');
  await expect(map.locator('[data-service-id="search-api"]')).toHaveAttribute('data-impacted', 'true');
  await page.keyboard.press('Escape');
  await expect(map).toHaveCount(0);

  await board.openRows().first().click();
  await incident.press('i');
  await expect(incident.alert).toContainText('needs the commander role');
});
