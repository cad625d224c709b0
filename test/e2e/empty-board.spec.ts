import { expect, test } from './fixtures';

test('an empty hub explains how to connect monitoring, and the demo fills the board', async ({
  board,
  hub,
}) => {
  await board.open();
  await board.waitUntilLive();

  await expect(board.emptyState).toBeVisible();
  await expect(board.page.getByTestId('alertmanager-snippet')).toContainText(
    `url: ${hub.url}/api/v1/ingest/alertmanager`,
  );
  await expect(board.page.getByTestId('alertmanager-snippet')).toContainText('send_resolved: true');
  await expect(board.page.getByTestId('pagerduty-url')).toHaveText(`${hub.url}/v2/enqueue`);

  await board.playDemoButton.click();
  await expect(board.openRows().first()).toBeVisible();
  await expect(board.emptyState).toBeHidden();
});

test('the demo is offered on the first screen, not below the monitoring set-up', async ({ board }) => {
  // README: "On an empty board the console offers the same with one button." Under both
  // snippets it sat below the fold of a 1600x900 console, where a newcomer never looked.
  await board.open();
  await board.waitUntilLive();
  await expect(board.page.getByTestId('pagerduty-url')).toBeVisible();
  await expect(board.playDemoButton).toBeInViewport({ ratio: 1 });
});
