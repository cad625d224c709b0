import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// On a 1366×768 laptop the incident's title wraps onto a second line beside the header's buttons.
// What the last export did ("Exported to INC-1-timeline.md.", or why it failed) sat in the same
// row and took the title's room: after an export the title lost its end to a "…", the part
// that names the service.

test.use({ viewport: { width: 1366, height: 768 } });

test('an export leaves the whole incident title in view', async ({ board, incident, hub, page }) => {
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({
      alertname: 'LatencyBudgetBurn',
      service: 'payments-gateway-eu-west-1',
      severity: 'critical',
    }),
  );
  await board.open();
  await board.waitUntilLive();
  await incident.openFirst(board);
  const title = page.locator('#incident-heading');
  const cut = () =>
    title.evaluate(
      (element) =>
        element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1,
    );
  expect(await cut()).toBe(false);

  const download = page.waitForEvent('download');
  await incident.press('x', 'Enter');
  await download;
  await expect(incident.exportStatus).toHaveText(/^Exported to INC-\d+-timeline\.md\.$/);
  await expect(incident.exportStatus).toBeInViewport();
  expect(await cut()).toBe(false);

  await page.context().route('**/timeline.*', (route) => route.abort('internetdisconnected'));
  await incident.press('x', 'Enter');
  await expect(incident.exportStatus).toContainText('the hub cannot be reached');
  await expect(incident.exportStatus).toBeInViewport();
  expect(await cut()).toBe(false);
});
