import { expect, test } from './fixtures';
import { sendUnbrokenSev1 } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// The wall's banner names the sev1 nobody has taken by its number and title. A title with no
// spaces squeezed the number to its narrowest, which breaks after the hyphen: "INC-" over "1",
// on a banner that grew to two lines. The room reads the number to say which incident to take;
// it stays whole, on one line, and only the title gives way (ending in "…").

test('a sev1 with a long title keeps its number whole on the wall banner', async ({ hub, page }) => {
  await sendUnbrokenSev1(hub.url);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board');
  await expect(wall.attention).toContainText('CheckoutGateway');

  const parts = await wall.attention.evaluate((banner) => {
    const edge = banner.getBoundingClientRect();
    return [...banner.children].map((part) => {
      const box = part.getBoundingClientRect();
      // Where its text is drawn, piece by piece: on one line, no piece starts below the first.
      const pieces: DOMRect[] = [];
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = document.createRange();
        text.selectNodeContents(node);
        pieces.push(...text.getClientRects());
      }
      const first = pieces[0];
      return {
        text: part.textContent?.slice(0, 20),
        oneLine: first !== undefined && pieces.every((piece) => piece.top < first.bottom),
        inside: box.left >= edge.left && box.right <= edge.right,
      };
    });
  });
  expect(parts.map((part) => part.text)).toContain('INC-1');
  for (const part of parts) expect(part, part.text).toEqual({ ...part, oneLine: true, inside: true });
});
