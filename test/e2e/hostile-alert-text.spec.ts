import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// Alert text comes from whatever monitoring sends, and monitoring can be fed by an attacker
// (a label copied from a request path, a summary templated from user input). It must reach the
// screen as text, never as markup.

const IMG_PAYLOAD = '<img src=x onerror="window.__xss=1">';
const SCRIPT_PAYLOAD = '<script>window.__xss=1</script>';
const SVG_PAYLOAD = '<svg onload="window.__xss=1"></svg>';

test('hostile markup in alert fields is shown as literal text and never runs', async ({
  board,
  hub,
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await board.open();
  await board.waitUntilLive();

  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({
      alertname: `Injected${SCRIPT_PAYLOAD}`,
      service: `svc${SVG_PAYLOAD}`,
      severity: 'critical',
      summary: `Disk full ${IMG_PAYLOAD} ${SCRIPT_PAYLOAD} <b>bold</b>`,
      labels: { instance: `<iframe src="javascript:window.__xss=1"></iframe>` },
    }),
  );

  const row = board.openRows(/Disk full/);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(IMG_PAYLOAD);
  await expect(row).toContainText(SCRIPT_PAYLOAD);
  await expect(row).toContainText('<b>bold</b>');
  await expect(board.servicesOf(row)).toHaveText(`svc${SVG_PAYLOAD}`);

  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(board.root.locator('img, script, svg, iframe, b')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
