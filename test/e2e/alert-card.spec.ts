import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// An alert card's state ("Firing", "Resolved") is read at a glance beside a summary that may be
// long. Long summaries may break anywhere (they are the sender's text); the state is ours and
// must stay one word on one line, not "Firin" over "g".

test('an alert with a long summary keeps "Firing" on one line', async ({ hub, board, page }) => {
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({
      alertname: 'HighErrorRate',
      service: 'payments-api',
      severity: 'critical',
      summary: 'payments-api-1 answers 7% of requests with 5xx since the last deploy of the card gateway',
    }),
  );
  await board.open();
  await board.waitUntilLive();
  await board.openRows().first().click();

  const status = page.locator('.alert-card__status').first();
  await expect(status).toHaveText('Firing');
  const lines = await status.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
  expect(lines).toBe(1);
});
