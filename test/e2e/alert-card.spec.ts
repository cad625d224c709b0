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

// A summary of many lines centred the card's severity and state on its middle line, below the
// fold on a laptop: the operator scrolled to learn whether the alert was a sev1 and still firing.
// They sit on the summary's first line.
test('an alert with a summary of many lines keeps its severity and state on the first line', async ({
  hub,
  board,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({
      alertname: 'HighErrorRate',
      service: 'payments-api',
      severity: 'critical',
      summary: `payments-api answers 5xx: ${'upstream card gateway connection reset by peer; '.repeat(12)}`,
    }),
  );
  await board.open();
  await board.waitUntilLive();
  await board.openRows().first().click();

  const head = page.locator('.alert-card__head').first();
  await expect(head.locator('.alert-card__status')).toHaveText('Firing');
  const offsets = await head.evaluate((row) => {
    const title = row.querySelector('.alert-card__title');
    if (title === null) return null;
    const firstLine =
      title.getBoundingClientRect().top + Number.parseFloat(getComputedStyle(title).lineHeight);
    return {
      lines: Math.round(
        title.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(title).lineHeight),
      ),
      badge: (row.querySelector('.severity-badge')?.getBoundingClientRect().top ?? 1e6) < firstLine,
      state: (row.querySelector('.alert-card__status')?.getBoundingClientRect().top ?? 1e6) < firstLine,
    };
  });
  expect(offsets?.lines).toBeGreaterThan(3);
  expect(offsets).toMatchObject({ badge: true, state: true });
});
