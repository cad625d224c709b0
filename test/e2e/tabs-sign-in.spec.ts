import { expect, test } from './fixtures';
import type { ConsoleUser } from './helpers/config-dir';
import { BoardPage } from './pages/board-page';
import { SignInDialog } from './pages/sign-in-dialog';

// The tabs of one browser share one console worker, so one connection: signing in or out in one
// tab is signing in or out in all of them.

const OLIVE: ConsoleUser = { id: 'olive', name: 'Olive Nakamura', role: 'operator', token: 'olive-token' };

test.use({ hubSetup: { users: [OLIVE] } });

test('signing in or out in one tab reaches the other tabs of the browser', async ({
  board,
  hub,
  page,
  context,
}) => {
  await page.goto(`${hub.url}/`);
  const other = await context.newPage();
  await other.goto(`${hub.url}/`);
  await expect(new SignInDialog(other).dialog).toBeVisible();

  await new SignInDialog(page).signIn(OLIVE.token);
  await board.waitUntilLive();
  const second = new BoardPage(other, hub);
  await expect(new SignInDialog(other).dialog).toHaveCount(0);
  await second.waitUntilLive();
  await expect(second.session).toContainText('Olive Nakamura');

  await other.getByRole('button', { name: 'Sign out' }).click();
  await expect(new SignInDialog(page).dialog).toBeVisible();
  await expect(new SignInDialog(other).dialog).toBeVisible();
});
