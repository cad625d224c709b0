import { expect, test } from './fixtures';
import { sendAlertmanager } from './helpers/monitoring';

// The incident view shows far more of an alert than the board: labels, annotations, links. All
// of it is monitoring's text, so all of it must reach the screen as text, and only http(s)
// links may become clickable.

const IMG_PAYLOAD = '<img src=x onerror="window.__xss=1">';
const SCRIPT_PAYLOAD = '<script>window.__xss=1</script>';

function hostileAlert(): Record<string, unknown> {
  const labels = {
    alertname: 'DiskFull',
    service: `db${SCRIPT_PAYLOAD}`,
    severity: 'critical',
    path: IMG_PAYLOAD,
  };
  return {
    version: '4',
    receiver: 'sitroom',
    status: 'firing',
    groupKey: '{}:{alertname="DiskFull"}',
    groupLabels: { alertname: 'DiskFull' },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'javascript:window.__xss=1',
    truncatedAlerts: 0,
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: {
          summary: `Disk full ${IMG_PAYLOAD}`,
          description: `<svg onload="window.__xss=1"></svg> <a href="javascript:window.__xss=1">fix</a>`,
          runbook_url: 'javascript:window.__xss=1',
        },
        startsAt: new Date().toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'https://prometheus.noc.example/graph?g0.expr=disk',
      },
    ],
  };
}

test('hostile alert fields stay text in the incident view and only http(s) links are links', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, hostileAlert());
  await expect(board.openRows()).toHaveCount(1);
  await board.openRows().first().click();
  await expect(incident.view).toContainText(`Disk full ${IMG_PAYLOAD}`);
  await expect(incident.view).toContainText(IMG_PAYLOAD);
  await expect(incident.view).toContainText('<a href="javascript:window.__xss=1">fix</a>');

  const links = incident.view.getByRole('link');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('href', 'https://prometheus.noc.example/graph?g0.expr=disk');
  await expect(links).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(links).toHaveAttribute('target', '_blank');
  // Refused links are dropped at ingest (docs/integrations.md, Links): nothing of them remains.
  await expect(incident.refusedLinks).toHaveCount(0);

  await expect(incident.view.locator('img, script, svg, iframe')).toHaveCount(0);
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
});
