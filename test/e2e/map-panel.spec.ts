import { expect, test } from './fixtures';

// The map's side panel names a service's open incidents as buttons, the first with its key
// (Enter). Alert names are long single words ("PostgresReplicationLag"): the button must stay
// inside the panel, key included, instead of running past its edge where nobody sees the key.

test.use({ hubSetup: { args: ['--demo'], env: { SITROOM_DEMO_SPEED: '20' } } });

test('the panel keeps a long incident title, and its Enter key, inside the panel', async ({
  board,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await expect(board.openRows(/PostgresReplicationLag on payments-db/)).toHaveCount(1);

  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await page.keyboard.press('/');
  await page.keyboard.type('payments-db');
  await page.keyboard.press('Enter');

  const panel = page.getByTestId('map-panel');
  const incident = panel.getByTestId('map-panel-incidents').getByRole('button').first();
  await expect(incident).toContainText('PostgresReplicationLag');
  const key = incident.locator('kbd');
  await expect(key).toHaveText('Enter');

  const panelBox = await panel.boundingBox();
  const panelRight = (panelBox?.x ?? 0) + (panelBox?.width ?? 0);
  for (const part of [incident, key]) {
    const box = await part.boundingBox();
    expect((box?.x ?? Number.POSITIVE_INFINITY) + (box?.width ?? 0)).toBeLessThanOrEqual(panelRight);
  }
});
