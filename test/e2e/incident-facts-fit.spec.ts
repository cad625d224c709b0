import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// The facts under an incident's title (commander, responders, services, opened, alerts) are read
// as label: value. A service named by monitoring with no spaces in it (and a zero-width space,
// shown as <U+200B>) once took a line of its own, started left of the page's margin, left
// "Services" alone at the end of the line above and pushed "Alerts"' value under the next line's
// start. Every value must stay beside its label and inside the page, on a laptop.

const LONG_SERVICE = `checkout-\u200Bgateway-eu-west-1-${'very-long-service-name-'.repeat(6)}without-breaks`;

test('a long service name keeps every fact beside its label on a laptop', async ({
  hub,
  board,
  incident,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'UpstreamPoolExhausted', service: LONG_SERVICE, severity: 'critical' }),
  );
  await board.open();
  await board.waitUntilLive();
  await board.openRows().first().click();
  await expect(incident.view).toContainText('very-long-service-name-without-breaks');

  const facts = await incident.view.evaluate((view) => {
    const page = view.getBoundingClientRect();
    return [...view.querySelectorAll('dl dt')].map((label) => {
      const value = label.nextElementSibling;
      const labelBox = label.getBoundingClientRect();
      const valueBox = value?.getBoundingClientRect();
      return {
        label: label.textContent,
        isValue: value?.tagName === 'DD',
        // On the label's line: the value's first line starts level with the label.
        sameLine: valueBox !== undefined && Math.abs(valueBox.top - labelBox.top) < labelBox.height,
        right: valueBox !== undefined && valueBox.left >= labelBox.right,
        inside: valueBox !== undefined && valueBox.left >= page.left && valueBox.right <= page.right,
      };
    });
  });
  // The incident's facts first, then each alert's labels: the same rule holds for both.
  expect(facts.slice(0, 5).map((fact) => fact.label)).toEqual([
    'Commander',
    'Responders',
    'Services',
    'Opened',
    'Alerts',
  ]);
  for (const fact of facts) {
    expect(fact, fact.label ?? '').toEqual({
      ...fact,
      isValue: true,
      sameLine: true,
      right: true,
      inside: true,
    });
  }
});
