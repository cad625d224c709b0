import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// An incident's title is monitoring's text, and an attacker can reach monitoring: a right-to-left
// override reverses what follows it, and a zero-width space hides inside a word. The board and
// the incident view show them as <U+202E> and <U+200B>; the map's side panel, which a wall shows
// beside the map, must too, or the room reads a title other than the one the hub holds.

test.use({
  hubSetup: {
    configFiles: {
      'services.yaml': [
        'teams:',
        '  - { id: platform, name: Platform, members: [] }',
        'services:',
        '  - { id: checkout, name: Checkout, team: platform, tier: 1, depends_on: [] }',
        '',
      ].join('\n'),
    },
  },
});

test("the map's side panel shows an incident title's hidden characters", async ({ board, hub, page }) => {
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({
      alertname: 'CheckoutErrors',
      service: 'checkout',
      severity: 'critical',
      summary: 'Checkout \u202Edetpmoc si\u202C all\u200Bfine',
    }),
  );
  await board.open();
  await board.waitUntilLive();
  await expect(board.openRows(/Checkout/)).toHaveCount(1);

  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await page.keyboard.press('/');
  await page.keyboard.type('checkout');
  await page.keyboard.press('Enter');

  const incident = page.getByTestId('map-panel-incidents').getByRole('button').first();
  await expect(incident).toContainText('<U+202E>detpmoc si<U+202C> all<U+200B>fine');
  const text = (await incident.textContent()) ?? '';
  expect(text).not.toContain('\u202E');
  expect(text).not.toContain('\u200B');
  // In an isolate of its own, as on the board: nothing around it can be reordered by it.
  await expect(incident.locator('bdi')).toHaveCount(1);
});
