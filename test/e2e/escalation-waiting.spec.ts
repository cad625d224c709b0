import { expect, test } from './fixtures';

// An escalation whose last level has been paged says "waiting for an acknowledgement" where a
// running one counts down. The sentence must fit its column, not run under "Escalate now".

test.use({ hubSetup: { args: ['--demo'], env: { SITROOM_DEMO_SPEED: '20' } } });

test('"waiting for an acknowledgement" stays clear of the Escalate now button', async ({ board, page }) => {
  await board.open();
  await board.waitUntilLive();
  // The demo's search cache alert is sev4: its low-urgency policy has one level, paged at once.
  await expect(board.openRows(/CacheHitRatioLow/)).toHaveCount(1, { timeout: 30_000 });

  await page.keyboard.press('g');
  await page.keyboard.press('e');
  const row = page.getByTestId('escalation-row').filter({ hasText: 'CacheHitRatioLow' });
  const waiting = row.getByText('waiting for an acknowledgement');
  await expect(waiting).toBeVisible();
  const button = row.getByRole('button', { name: /Escalate now/ });

  const text = await waiting.boundingBox();
  const escalate = await button.boundingBox();
  expect((text?.x ?? 0) + (text?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(escalate?.x ?? 0);
});
