import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';

// "PDF" in a browser is the print dialog: the console lays the timeline out for paper and hides
// itself when printed. (Headless Chromium has no print dialog; the page is checked as printed.)

test('a PDF export prints the timeline laid out for paper', async ({ board, incident, hub, page }) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await board.openRows().first().click();

  await incident.press('x');
  await page.getByLabel('Format').selectOption('pdf');
  await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await incident.press('Enter');
  await expect(incident.exportStatus).toContainText('print dialog');

  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-timeline');
  await expect(printed).toBeVisible();
  await expect(printed).toContainText('Times in Asia/Tokyo.');
  await expect(printed.getByRole('row')).toHaveCount(4);
  await expect(board.root).toBeHidden();
});
