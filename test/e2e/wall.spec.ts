import { command, sendCommand } from '../support/commands';
import { expect, test } from './fixtures';
import type { ConsoleUser } from './helpers/config-dir';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// A wall display: a kiosk browser given a viewer token in its address, rotating between views,
// held on the board with an alarm while a sev1/sev2 waits for someone to acknowledge it.

const WALL: ConsoleUser = { id: 'wall', name: 'NOC wall', role: 'viewer', token: 'wall-token' };
const OLIVE: ConsoleUser = { id: 'olive', name: 'Olive Nakamura', role: 'operator', token: 'olive-token' };

test.use({ hubSetup: { users: [WALL, OLIVE] } });

async function fire(hubUrl: string, alertname: string, service: string, severity: string, summary?: string) {
  await sendAlertmanager(
    hubUrl,
    alertmanagerGroup({ alertname, service, severity, ...(summary ? { summary } : {}) }),
  );
}

async function openIncidentIds(hubUrl: string): Promise<Record<string, string>> {
  const response = await fetch(`${hubUrl}/api/v1/incidents`, {
    headers: { authorization: `Bearer ${OLIVE.token}` },
  });
  const { incidents } = (await response.json()) as { incidents: Array<{ id: string; title: string }> };
  return Object.fromEntries(incidents.map((incident) => [incident.title, incident.id]));
}

async function acknowledge(hubUrl: string, incidentId: string): Promise<void> {
  const { status } = await sendCommand(hubUrl, command('acknowledge', incidentId), OLIVE.token);
  expect(status).toBe(200);
}

test('a kiosk address signs the wall in as a viewer and keeps the token out of the address bar', async ({
  hub,
  page,
}) => {
  await fire(hub.url, 'DiskFilling', 'storage', 'warning');
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&view=board`, WALL.token);

  await expect(page).toHaveURL(`${hub.url}/?wall=1&view=board`);
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(wall.openCount('sev3')).toContainText('1');
  await expect(wall.oldestUnacknowledged).toContainText('INC-');
  await expect(page.getByTestId('wall-clock-utc')).toHaveText(/^\d\d:\d\d:\d\d$/);
  await expect(wall.openRows).toHaveCount(1);
  // A viewer wall stays read-only whatever is pressed at it: the hub refuses, the wall says why.
  await wall.openRows.first().click();
  await page.keyboard.press('a');
  await expect(page.getByRole('alert').filter({ hasText: 'needs the operator role' })).toBeVisible();
});

test('a wall rotates through its views and names what comes next', async ({ hub, page }) => {
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&rotate=board,escalations,statistics&dwell=5`, WALL.token);
  await expect(wall.rotation).toHaveAttribute('data-view', 'board');
  await expect(wall.rotation).toContainText(/Escalations in \d+s/);
  await expect(wall.rotation).toHaveAttribute('data-view', 'escalations', { timeout: 8_000 });
  await expect(page.getByRole('region', { name: /escalations/i }).first()).toBeVisible();
  await expect(wall.rotation).toHaveAttribute('data-view', 'statistics', { timeout: 8_000 });
  await expect(page.getByTestId('statistics-view')).toBeVisible();
  await expect(wall.rotation).toHaveAttribute('data-view', 'board', { timeout: 8_000 });
});

test('a new sev1 stops the rotation on the board and flashes until someone acknowledges', async ({
  hub,
  page,
}) => {
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&rotate=escalations,board&dwell=60`, WALL.token);
  await expect(wall.rotation).toHaveAttribute('data-view', 'escalations');
  await expect(wall.attention).toHaveCount(0);

  await fire(hub.url, 'CheckoutDown', 'checkout', 'critical', 'Checkout returns 503 for every order');
  await expect(wall.rotation).toHaveAttribute('data-mode', 'interrupted');
  await expect(wall.rotation).toHaveAttribute('data-view', 'board');
  await expect(wall.openRows).toHaveCount(1);
  await expect(wall.attention).toContainText('SEV1');
  await expect(wall.attention).toContainText('Checkout returns 503 for every order');
  await expect(wall.root).toHaveClass(/app--alarm-sev1/);
  // No sound was asked for in this wall's address.
  await expect(wall.header).toHaveAttribute('data-alarm', 'silent');

  const ids = await openIncidentIds(hub.url);
  const incidentId = Object.values(ids)[0] ?? '';
  await acknowledge(hub.url, incidentId);
  await expect(wall.attention).toHaveCount(0);
  await expect(wall.root).not.toHaveClass(/app--alarm/);
  await expect(wall.rotation).toHaveAttribute('data-mode', 'rotating');
});

test('arrivals never reorder the rows already on the wall', async ({ hub, page }) => {
  await fire(hub.url, 'ApiErrors', 'api', 'error');
  await fire(hub.url, 'QueueLag', 'queue', 'warning');
  await fire(hub.url, 'CacheMisses', 'cache', 'warning');
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&view=board`, WALL.token);
  await expect(wall.openRows).toHaveCount(3);
  const before = await rowPositions(wall);

  await fire(hub.url, 'CertExpiring', 'edge', 'info');
  await fire(hub.url, 'SlowQueries', 'db', 'warning');
  await expect(wall.openRows).toHaveCount(5);
  const after = await rowPositions(wall);

  // The three rows people were reading keep their places; the newcomers join below their peers.
  for (const [title, top] of Object.entries(before)) expect(after[title]).toBe(top);
  const order = Object.entries(after)
    .sort((a, b) => a[1] - b[1])
    .map(([title]) => title.split(' ')[0]);
  expect(order).toEqual(['ApiErrors', 'QueueLag', 'CacheMisses', 'SlowQueries', 'CertExpiring']);
});

async function rowPositions(wall: WallPage): Promise<Record<string, number>> {
  const positions: Record<string, number> = {};
  for (const row of await wall.openRows.all()) {
    const title = (await row.locator('.incident-row__title').textContent())?.trim() ?? '';
    const box = await row.boundingBox();
    positions[title] = Math.round(box?.y ?? -1);
  }
  return positions;
}

test("at 1920x1080 the last hour's resolved incidents never push open ones off the wall", async ({
  hub,
  page,
}) => {
  // Five resolved in the last hour, then nine open: on the console the resolved list keeps up to a
  // third of the screen (the operator scrolls); nobody scrolls a wall.
  for (let i = 0; i < 5; i++) {
    await fire(hub.url, `Flapped${i}`, `flap-${i}`, 'warning');
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({
        alertname: `Flapped${i}`,
        service: `flap-${i}`,
        severity: 'warning',
        status: 'resolved',
      }),
    );
  }
  for (let i = 0; i < 9; i++) await fire(hub.url, `Open${i}`, `open-${i}`, 'major');
  await page.setViewportSize({ width: 1920, height: 1080 });
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board', WALL.token);
  await expect(wall.openRows).toHaveCount(9);
  // Each row whole within the open list's box, which itself ends inside the window.
  const list = await page.getByRole('listbox', { name: 'Open incidents' }).boundingBox();
  expect(list).not.toBeNull();
  expect((list?.y ?? 0) + (list?.height ?? 0)).toBeLessThanOrEqual(1080);
  for (let i = 0; i < 9; i++) {
    const row = await wall.openRows.nth(i).boundingBox();
    expect(row, `open row ${i} is laid out`).not.toBeNull();
    expect((row?.y ?? 0) + (row?.height ?? 0), `open row ${i} ends inside the open list`).toBeLessThanOrEqual(
      (list?.y ?? 0) + (list?.height ?? 0) + 0.5,
    );
  }
  await expect(page.getByRole('heading', { name: 'Resolved in the last hour (5)' })).toBeInViewport();
});

test('a wall address it does not understand is named on the wall', async ({ hub, page }) => {
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&view=boardd&dwell=2`, WALL.token);
  await expect(wall.problems).toContainText('Unknown view "boardd"');
  await expect(wall.problems).toContainText('dwell must be seconds between 5 and 3600');
  await expect(wall.rotation).toHaveAttribute('data-view', 'board');
});

test('with sound asked for, the alarm sounds for a sev1 and stops when it is acknowledged', async ({
  hub,
  page,
}) => {
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&view=board&sound=sev1`, WALL.token);
  await expect(wall.header).toHaveAttribute('data-alarm', 'silent');
  await fire(hub.url, 'PaymentsDown', 'payments', 'critical');
  await expect(wall.header).toHaveAttribute('data-alarm', 'sounding');
  const ids = await openIncidentIds(hub.url);
  await acknowledge(hub.url, Object.values(ids)[0] ?? '');
  await expect(wall.header).toHaveAttribute('data-alarm', 'silent');
});

test('alert text in the wall banner is shown as text, never run', async ({ hub, page }) => {
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&view=board`, WALL.token);
  const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
  await fire(hub.url, 'PaymentsDown', 'payments', 'critical', hostile);
  await expect(wall.attention).toContainText(hostile);
  await expect(wall.attention.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
});

test('a wall given a token above viewer says that anyone passing can act', async ({ hub, page }) => {
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&view=board`, OLIVE.token);
  await expect(wall.problems).toContainText('signed in as Olive Nakamura (operator)');
  await expect(wall.problems).toContainText('Give walls a viewer token');
});

test.describe('on a wall whose own zone is UTC', () => {
  test.use({ timezoneId: 'UTC' });

  test('one UTC clock, not the same clock twice', async ({ hub, page }) => {
    await fire(hub.url, 'DiskFilling', 'storage', 'warning');
    const wall = new WallPage(page, hub);
    await wall.open('wall=1&view=board', WALL.token);
    await expect(page.getByTestId('wall-clock-utc')).toBeVisible();
    await expect(page.getByTestId('wall-clocks')).toContainText('UTC');
    await expect(page.getByTestId('wall-clock-local')).toHaveCount(0);
  });
});
