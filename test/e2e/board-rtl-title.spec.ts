import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// A title that starts in Hebrew (or Arabic) is laid out right to left, so its first words are
// at the right of its text. The board's title cell and the wall's banner cut what does not fit
// at their right edge: they showed the end of such a title and hid its beginning, the words
// that say what is wrong. The beginning stays on screen, and the "…" goes where the title ends.

const OPENING = 'שגיאה חמורה';
const TITLE = `${OPENING} במערכת התשלומים: ${'payment gateway timeouts on checkout, '.repeat(4)}retrying`;

/** Whether the first words of `text` inside `selector` are drawn inside that element's box. */
function openingShown([selector, opening]: readonly [string, string]): boolean {
  const box = document.querySelector(selector);
  if (box === null) return false;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  const at = node?.textContent?.indexOf(opening) ?? -1;
  if (node === null || at < 0) return false;
  const words = document.createRange();
  words.setStart(node, at);
  words.setEnd(node, at + opening.length);
  const drawn = words.getBoundingClientRect();
  const edge = box.getBoundingClientRect();
  return drawn.width > 0 && drawn.left >= edge.left - 1 && drawn.right <= edge.right + 1;
}

test('a right-to-left title shows its beginning on the board and the wall', async ({ hub, board, page }) => {
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({
      alertname: 'PaymentsTimeouts',
      service: 'payments',
      severity: 'critical',
      summary: TITLE,
    }),
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await board.open();
  await expect(board.openRows()).toHaveCount(1);
  expect(await page.evaluate(openingShown, ['.incident-row__title', OPENING] as const)).toBe(true);

  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board');
  await expect(wall.attention).toBeVisible();
  expect(await page.evaluate(openingShown, ['.wall-attention__title', OPENING] as const)).toBe(true);
});
