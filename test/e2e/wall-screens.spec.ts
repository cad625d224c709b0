import { command, sendCommand } from '../support/commands';
import { expect, test } from './fixtures';
import type { ConsoleUser } from './helpers/config-dir';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// The wall as a room sees it, on a full-HD and a 4K screen: screenshots to look at (kept in
// test-results/), and the checks a screenshot alone would not make: nothing spills off the edge,
// and rows grow with the screen so they read from the same distance.

const WALL: ConsoleUser = { id: 'wall', name: 'NOC wall', role: 'viewer', token: 'wall-token' };
const OLIVE: ConsoleUser = { id: 'olive', name: 'Olive Nakamura', role: 'operator', token: 'olive-token' };

// A room in Berlin: the wall shows UTC and Berlin time side by side.
test.use({ hubSetup: { users: [WALL, OLIVE] }, timezoneId: 'Europe/Berlin' });

const SCREENS = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '3840x2160', width: 3840, height: 2160 },
] as const;

const OUTAGE = [
  {
    alertname: 'PaymentsDown',
    service: 'payments',
    severity: 'critical',
    summary: 'Payments API returns 503 for all card payments',
  },
  {
    alertname: 'CheckoutLatency',
    service: 'checkout',
    severity: 'error',
    summary: 'Checkout p99 latency above 4 s',
  },
  {
    alertname: 'DbReplicaLag',
    service: 'orders-db',
    severity: 'error',
    summary: 'Orders DB replica 120 s behind primary',
  },
  {
    alertname: 'QueueBacklog',
    service: 'fulfilment',
    severity: 'warning',
    summary: 'Fulfilment queue backlog over 50,000',
  },
  {
    alertname: 'DiskFilling',
    service: 'logging',
    severity: 'warning',
    summary: 'Log volume /var/log 91 % full',
  },
  {
    alertname: 'CertExpiring',
    service: 'edge',
    severity: 'info',
    summary: 'TLS certificate for api.example.com expires in 12 days',
  },
];

async function stageOutage(hubUrl: string): Promise<void> {
  for (const alert of OUTAGE) await sendAlertmanager(hubUrl, alertmanagerGroup(alert));
  const response = await fetch(`${hubUrl}/api/v1/incidents`, {
    headers: { authorization: `Bearer ${OLIVE.token}` },
  });
  const { incidents } = (await response.json()) as { incidents: Array<{ id: string; severity: string }> };
  // The sev2s are being worked; the sev1 has just come in and nobody has taken it yet.
  for (const incident of incidents.filter((i) => i.severity === 'sev2')) {
    await sendCommand(hubUrl, command('acknowledge', incident.id), OLIVE.token);
  }
}

for (const screen of SCREENS) {
  test(`the wall reads from across the room at ${screen.name}`, async ({ hub, page }, testInfo) => {
    await stageOutage(hub.url);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    const wall = new WallPage(page, hub);
    await wall.open(`wall=1&view=board`, WALL.token);
    await expect(wall.openRows).toHaveCount(OUTAGE.length);
    await expect(wall.attention).toContainText('Payments API returns 503');
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
    const utc = await page.getByTestId('wall-clock-utc').textContent();
    await expect(page.getByTestId('wall-clock-local')).not.toHaveText(utc ?? '');

    const layout = await page.evaluate(() => ({
      // Everything in the header's top row must end inside the window, not be cut off by it.
      overflowX: Math.max(
        ...[...document.querySelectorAll('.wall-header__row > *')].map(
          (element) => element.getBoundingClientRect().right - window.innerWidth,
        ),
      ),
      rowHeight: document.querySelector('[role="option"]')?.getBoundingClientRect().height ?? 0,
      headerBottom:
        document.querySelector('[data-testid="wall-header"]')?.getBoundingClientRect().bottom ?? 0,
      // Nor anything below the window's bottom edge, wherever the burn-in drift has the wall:
      // a wall has nobody to scroll it.
      overflowY:
        (document.querySelector('.app__main')?.getBoundingClientRect().bottom ?? 0) - window.innerHeight,
      scrollable: getComputedStyle(document.documentElement).overflow !== 'hidden',
    }));
    expect(layout.overflowX).toBeLessThanOrEqual(0);
    expect(layout.overflowY).toBeLessThanOrEqual(0);
    expect(layout.scrollable).toBe(false);
    // 1.25× the laptop row (56 px) at 1920 wide, 2.5× at 3840: the same size from the same distance.
    expect(layout.rowHeight).toBeCloseTo(56 * (screen.width / 1536), 0);
    // The header leaves most of the screen to the incidents.
    expect(layout.headerBottom).toBeLessThan(screen.height * 0.25);

    const path = testInfo.outputPath(`wall-${screen.name}.png`);
    await page.screenshot({ path, animations: 'disabled' });
    await testInfo.attach(`wall-${screen.name}`, { path, contentType: 'image/png' });
  });
}

test('at 1920x1080 the header keeps its layout as the wall rotates through its views', async ({
  hub,
  page,
}) => {
  // A busy afternoon, nothing urgent: a dozen minor incidents nobody has acknowledged yet.
  for (let n = 1; n <= 12; n++) {
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: `DiskFilling${n}`, service: `storage-${n}`, severity: 'warning' }),
    );
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  const wall = new WallPage(page, hub);
  // The rotation README's example wall runs; 5 s (the shortest dwell) keeps the test short.
  await wall.open(`wall=1&view=board&rotate=escalations,map,statistics&dwell=5`, WALL.token);
  await expect(wall.openRows).toHaveCount(12);

  const layouts: Array<Record<string, number | string | boolean>> = [];
  for (const view of ['board', 'escalations', 'map', 'statistics']) {
    await expect(wall.rotation).toHaveAttribute('data-view', view, { timeout: 8_000 });
    layouts.push({
      view,
      ...(await page.evaluate(() => {
        const height = (selector: string, edge: 'height' | 'top' | 'width') =>
          Math.round(document.querySelector(selector)?.getBoundingClientRect()[edge] ?? 0);
        const name = document.querySelector('.wall-rotation__view');
        return {
          headerHeight: height('[data-testid="wall-header"]', 'height'),
          clockTop: height('[data-testid="wall-clock-utc"]', 'top'),
          rotationWidth: height('[data-testid="wall-rotation"]', 'width'),
          // The view's name is read whole ("Escalations", not "Escalat…").
          nameFits: name !== null && name.scrollWidth <= name.clientWidth,
        };
      })),
    });
  }
  // The clocks stay where the room looks for them, the views below never jump up or down, and
  // the rotation's name takes the same room whichever view it names: "Escalations", longer than
  // "Board", once wrapped the clocks onto a second row every time the wall came to it.
  const board = layouts[0];
  for (const layout of layouts) {
    expect(layout, String(layout.view)).toEqual({ ...board, view: layout.view, nameFits: true });
  }
});
