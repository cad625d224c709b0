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

// The PDF is what a review attaches, so it must say what the .html export says: people by name,
// the durations, when it was exported, and a hostile note as inert, visible text that stays on
// the paper (a right-to-left override must not turn "exe.png" round, a long word must wrap).
test('a PDF export names people, shows hidden characters and keeps long words on the page', async ({
  board,
  incident,
  hub,
  page,
}) => {
  const longWord = `pool_exhaustion_${'0123456789'.repeat(20)}`;
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await incident.openFirst(board);
  await incident.press('a', 'c');
  await expect(incident.timelineEntry('Commander: Local operator')).toHaveCount(1);
  await incident.press('n');
  await page.keyboard.type(`see \u202Egnp.exe ${longWord}`);
  await incident.press('Control+Enter');
  await expect(incident.timelineEntry(/gnp\.exe/)).toHaveCount(1);

  await incident.press('x');
  await page.getByLabel('Format').selectOption('pdf');
  await incident.press('Enter');
  await expect(incident.exportStatus).toContainText('print dialog');

  // About the width of an A4 page's printable area.
  await page.setViewportSize({ width: 700, height: 900 });
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-timeline');
  await expect(printed).toBeVisible();
  const fact = (label: string) => printed.locator('dt', { hasText: label }).locator('+ dd');
  await expect(fact('Commander')).toHaveText('Local operator');
  await expect(fact('People involved')).toHaveText('Local operator');
  await expect(fact('Time to acknowledge')).not.toHaveText('—');
  await expect(printed).toContainText(/Exported \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\./);
  await expect(printed).toContainText('see <U+202E>gnp.exe');
  expect(await printed.textContent()).not.toContain('\u202E');
  const fits = await printed.evaluate((section) => section.scrollWidth <= section.clientWidth);
  expect(fits).toBe(true);
});
