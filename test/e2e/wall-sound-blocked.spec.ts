import { expect, test } from './fixtures';
import type { ConsoleUser } from './helpers/config-dir';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// A kiosk browser lets no page make sound until someone presses a key or clicks there. The wall
// must say so, not stay silent without a word.

const WALL: ConsoleUser = { id: 'wall', name: 'NOC wall', role: 'viewer', token: 'wall-token' };

test.use({ hubSetup: { users: [WALL] } });

// Headless Chromium plays sound without asking (and under automation counts every page as
// already activated), so the kiosk browser's policy is put back here: an AudioContext stays
// suspended until the page has seen a real (trusted) key press or click.
const KIOSK_AUTOPLAY_POLICY = `
  let activated = false;
  for (const type of ['keydown', 'pointerdown']) {
    window.addEventListener(type, (event) => { if (event.isTrusted) activated = true; }, true);
  }
  const state = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'state');
  Object.defineProperty(BaseAudioContext.prototype, 'state', {
    get() {
      return activated ? state.get.call(this) : 'suspended';
    },
  });
`;

test('a blocked alarm says so and sounds after the first key press', async ({ hub, page }) => {
  await page.addInitScript(KIOSK_AUTOPLAY_POLICY);
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&view=board&sound=sev1`, WALL.token);
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'PaymentsDown', service: 'payments', severity: 'critical' }),
  );
  await expect(wall.attention).toBeVisible();
  await expect(wall.header).toHaveAttribute('data-alarm', 'blocked');
  await expect(page.getByTestId('wall-sound-blocked')).toContainText('press any key');
  await page.keyboard.press('Shift');
  await expect(wall.header).toHaveAttribute('data-alarm', 'sounding', { timeout: 5_000 });
  await expect(page.getByTestId('wall-sound-blocked')).toHaveCount(0);
});

test('the blocked-sound notice leaves the incident id whole on its line', async ({ hub, page }) => {
  // A full-HD wall scales type 1.25×: at 1920 wide the banner has the room of a 1536 px screen,
  // and the notice and a long title squeezed "INC-1" onto two lines ("INC-" over "1").
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.addInitScript(KIOSK_AUTOPLAY_POLICY);
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&view=board&sound=sev1`, WALL.token);
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({
      alertname: 'PaymentsDown',
      service: 'payments',
      severity: 'critical',
      summary: 'Payments API returns 503 for all card payments in every region',
    }),
  );
  await expect(page.getByTestId('wall-sound-blocked')).toBeVisible();
  const id = wall.attention.locator('.wall-attention__id');
  await expect(id).toHaveText('INC-1');
  // One line box for the id's text: a wrapped id has two.
  const lines = await id.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
  expect(lines).toBe(1);
});
