import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';

// Grafana's links on the alert, as a person uses them: labelled with the host they lead to,
// reached with the keyboard, opened outside the console — and the panel's image never loaded.

test("Grafana's panel, dashboard, silence and image links are keyboard-reachable links, the image not loaded", async ({
  board,
  incident,
  hub,
  page,
}) => {
  const images: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('checkout-latency.png')) images.push(request.url());
  });
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('grafana-firing.json'));
  await expect(board.openRows()).toHaveCount(1);
  await board.openRows().first().click();

  const links = incident.view.getByRole('link');
  await expect(links).toHaveText([
    'Panel — grafana.noc.example',
    'Dashboard — grafana.noc.example',
    'Silence in Grafana — grafana.noc.example',
    'Image (not loaded) — grafana.noc.example',
    'Source — grafana.noc.example',
    'Runbook — runbooks.noc.example',
    'Grafana — grafana.noc.example',
  ]);
  await expect(links.first()).toHaveAttribute('href', 'https://grafana.noc.example/d/checkout?viewPanel=4');
  await expect(links.first()).toHaveAttribute('rel', 'noopener noreferrer');

  // Tab reaches the panel link from the incident's heading.
  let reached = false;
  for (let press = 0; press < 80 && !reached; press++) {
    await page.keyboard.press('Tab');
    reached = await links.first().evaluate((link) => link === document.activeElement);
  }
  expect(reached).toBe(true);

  await expect(incident.view.locator('img')).toHaveCount(0);
  expect(images).toEqual([]);
});
