import type { Page } from '@playwright/test';
import { ulid } from 'ulid';
import { postJson } from '../support/hub';
import { expect, test } from './fixtures';
import { type AlertmanagerBody, alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import type { BoardPage } from './pages/board-page';
import type { IncidentPage } from './pages/incident-page';
import { StatisticsPage } from './pages/statistics-page';

// Statistics from the hub's event log, against a real hub: three incidents are opened by
// Alertmanager, two are acknowledged and one resolved from the keyboard, and `g s` shows exactly
// that — headline figures, each chart's figures as text — for the ranges and buckets the keys choose.

const HOSTILE_SERVICE =
  'search<img src=x onerror="window.__xss=1">-indexer-with-a-name-far-too-long-for-any-chart-axis';

/** One Alertmanager group with an alert per instance: one incident of `instances.length` alerts. */
function group(service: string, severity: string, alertname: string, instances: ReadonlyArray<string>) {
  const body = alertmanagerGroup({ alertname, service, severity, summary: `${alertname} on ${service}` });
  const [first] = body.alerts as ReadonlyArray<Record<string, unknown>>;
  const alerts = instances.map((instance) => ({
    ...first,
    labels: { ...(first?.labels as Record<string, string>), instance },
  }));
  return { ...body, alerts } satisfies AlertmanagerBody;
}

/** Opens the row whose text matches, runs incident keys, and goes back to the board. */
async function work(
  board: BoardPage,
  incident: IncidentPage,
  text: string,
  ...keys: string[]
): Promise<void> {
  const row = board.openRows(text);
  await expect(row).toHaveCount(1);
  const id = await board.incidentIdOf(row);
  await row.click();
  await incident.expectOpen(id);
  await incident.press(...keys);
}

async function xss(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as Window & { __xss?: unknown }).__xss);
}

test('the statistics show what happened: incidents, acknowledgements, services and alerts, by day and week', async ({
  board,
  incident,
  hub,
  page,
}) => {
  const statistics = new StatisticsPage(page);
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(
    hub.url,
    group('payments-db', 'critical', 'PostgresReplicationLag', ['pg-1', 'pg-2', 'pg-3']),
  );
  await sendAlertmanager(hub.url, group('checkout', 'warning', 'CheckoutLatencyHigh', ['web-1']));
  await sendAlertmanager(hub.url, group(HOSTILE_SERVICE, 'error', 'IndexerStalled', ['idx-1']));
  await expect(board.openRows()).toHaveCount(3);

  // payments-db: acknowledged and resolved; checkout: acknowledged; the indexer: left alone.
  await work(board, incident, 'PostgresReplicationLag', 'a');
  await expect(incident.acknowledgement).toContainText('Acknowledged');
  await incident.press('r');
  await expect(incident.dialog).toBeVisible();
  await incident.press('Enter');
  await expect(incident.status).toHaveText('Resolved');
  await incident.press('Escape');
  await work(board, incident, 'CheckoutLatencyHigh', 'a');
  await expect(incident.acknowledgement).toContainText('Acknowledged');
  await incident.press('Escape');
  await expect(incident.view).toHaveCount(0);
  // The statistics are the hub's log as of when they are asked for: ask once the hub has taken
  // both actions (the board shows an action "Pending" until then), not when they show as done.
  await expect(board.openRows()).toHaveCount(2);
  await expect(page.locator('.pending-marker')).toHaveCount(0);

  await statistics.open();
  // Last 7 days by day, in this console's zone, is where the view opens.
  await expect(statistics.toggle('Last 7 days')).toHaveAttribute('aria-pressed', 'true');
  await expect(statistics.toggle('Day')).toHaveAttribute('aria-pressed', 'true');
  await expect(statistics.figure('incidents')).toHaveText('3');
  await expect(statistics.headlineItem('incidents')).toContainText('5 alerts');
  await expect(statistics.figure('acknowledged')).toHaveText('67%');
  await expect(statistics.headlineItem('acknowledged')).toContainText('2 of 3 acknowledged');
  await expect(statistics.figure('tta')).toHaveText(/^\d+s$/);
  await expect(statistics.figure('ttr')).toHaveText(/^\d+s$/);
  await expect(statistics.freshness).toHaveText(/^as of \d\d:\d\d$/);

  // Seven days, oldest first, today last with one incident of each severity but SEV4.
  const opened = await statistics.figures('statistics-opened');
  expect(opened).toHaveLength(7);
  expect(opened.at(-1)?.slice(1)).toEqual(['1', '1', '1', '0', '3']);
  expect(opened.slice(0, -1).every((row) => row.at(-1) === '0')).toBe(true);
  // Two acknowledged today, one resolved; earlier days have no figure rather than 0s.
  const tta = await statistics.figures('statistics-tta');
  expect(tta.at(-1)?.at(-1)).toBe('2');
  expect(tta[0]?.slice(1)).toEqual(['—', '—', '0']);
  expect((await statistics.figures('statistics-ttr')).at(-1)?.at(-1)).toBe('1');

  const services = await statistics.figures('statistics-services');
  expect(services[0]).toEqual(['payments-db', '1', '3']);
  expect(services.map((row) => row[0])).toEqual(expect.arrayContaining(['checkout', HOSTILE_SERVICE]));
  expect(await statistics.figures('statistics-alerts')).toEqual([
    ['1', '2'],
    ['2', '0'],
    ['3', '1'],
  ]);
  expect(await statistics.figures('statistics-escalations')).toEqual([['0', '3']]);
  await expect(statistics.noisiest.locator('tbody tr').first()).toContainText('payments-db');

  // The hostile service name is text: whole in tables and titles, cut on the chart axis, never markup.
  await expect(statistics.noisiest.getByTitle(HOSTILE_SERVICE)).toHaveText(HOSTILE_SERVICE);
  const tick = statistics.chart('statistics-services').locator('svg text', { hasText: '…' });
  await expect(tick).toHaveCount(1);
  await expect(tick.locator('title')).toHaveText(HOSTILE_SERVICE);
  await expect(statistics.view.locator('img')).toHaveCount(0);
  expect(await xss(page)).toBeUndefined();

  // The whole view at a laptop's width, tall enough to show every chart, for a person to look at.
  await page.setViewportSize({ width: 1600, height: 2200 });
  await statistics.view.screenshot({ path: test.info().outputPath('statistics-7-days.png') });
  await page.setViewportSize({ width: 1600, height: 900 });

  // "]" longer: 30 days stays by day; 90 days goes by week; "b" back to day; "[" shorter.
  await statistics.press(']');
  await expect(statistics.toggle('Last 30 days')).toHaveAttribute('aria-pressed', 'true');
  await expect(statistics.chart('statistics-opened')).toContainText('Incidents opened per day');
  await expect.poll(async () => (await statistics.figures('statistics-opened')).length).toBe(30);
  await statistics.press(']');
  await expect(statistics.toggle('Last 90 days')).toHaveAttribute('aria-pressed', 'true');
  await expect(statistics.toggle('Week')).toHaveAttribute('aria-pressed', 'true');
  await expect(statistics.chart('statistics-opened')).toContainText('Incidents opened per week');
  await expect(statistics.caption).toContainText('per week');
  await expect(statistics.figure('incidents')).toHaveText('3');
  const weeks = await statistics.figures('statistics-opened');
  expect(weeks[0]?.[0]).toMatch(/^Week of /);
  expect(weeks.at(-1)?.at(-1)).toBe('3');
  await statistics.press('b');
  await expect(statistics.toggle('Day')).toHaveAttribute('aria-pressed', 'true');
  await expect(statistics.chart('statistics-opened')).toContainText('Incidents opened per day');
  await statistics.press('[', '[');
  await expect(statistics.toggle('Last 7 days')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await statistics.figures('statistics-opened')).length).toBe(7);

  // "?" lists the view's keys.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Longer range');
  await expect(sheet).toContainText('By day or by week');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // A custom range before any incident says so instead of drawing a spotless record.
  await statistics.press('c');
  await expect(page.getByTestId('statistics-from')).toBeFocused();
  await page.getByTestId('statistics-from').fill('2020-03-02');
  await page.getByTestId('statistics-to').fill('2020-03-08');
  await page.getByTestId('statistics-to').press('Enter');
  await expect(statistics.empty).toHaveText('No incidents opened in this range.');
  await expect(statistics.caption).toContainText('2 Mar 2020 – 8 Mar 2020');
  await expect(statistics.chart('statistics-opened')).toHaveCount(0);
  await statistics.press('Escape');
  await expect(statistics.heading).toBeFocused();

  // Back to the last 7 days, then the hub goes away: the report stays, with why and how old it is.
  await statistics.press(']', ']');
  await expect(statistics.figure('incidents')).toHaveText('3');
  await hub.kill('SIGKILL');
  await statistics.press('r');
  await expect(statistics.failure).toContainText('Could not refresh the statistics.');
  await expect(statistics.failure).toContainText(/cannot be reached/);
  await expect(statistics.failure).toContainText(/Showing the report as of \d\d:\d\d\./);
  await expect(statistics.figure('incidents')).toHaveText('3');

  await statistics.press('Escape');
  await expect(statistics.view).toHaveCount(0);
  await expect(board.openRows()).toHaveCount(2);
});

for (const screen of [
  // A 720p television (1366 × 768) shows the wall unscaled, with the least height of all.
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test(`a wall display shows the last 7 days by day, without controls, readable from across the room at ${screen.width}×${screen.height}`, async ({
    board,
    hub,
    page,
  }) => {
    await sendAlertmanager(
      hub.url,
      group('payments-db', 'critical', 'PostgresReplicationLag', ['pg-1', 'pg-2']),
    );
    await sendAlertmanager(hub.url, group('checkout', 'warning', 'CheckoutLatencyHigh', ['web-1']));
    const answer = await postJson(
      `${hub.url}/api/v1/commands`,
      { commandId: ulid(), type: 'acknowledge', incidentId: 'INC-1' },
      hub.auth(),
    );
    expect(answer.status).toBe(200);

    await page.setViewportSize(screen);
    await page.goto(hub.pageUrl('/?wall=1&view=statistics'));
    await expect(board.root).toHaveAttribute('data-ready', 'true');
    const statistics = new StatisticsPage(page);
    await expect(statistics.view).toBeVisible();
    await expect(statistics.figure('incidents')).toHaveText('2');
    await expect(statistics.figure('acknowledged')).toHaveText('50%');
    await expect(statistics.caption).toContainText('per day');
    expect(await statistics.figures('statistics-opened')).toHaveLength(7);
    await expect(statistics.view.getByTestId('statistics-controls')).toHaveCount(0);
    await expect(statistics.view.getByRole('button')).toHaveCount(0);
    // Nothing to scroll on a wall, and nothing cut off: every panel ends inside the screen.
    expect(
      await statistics.view.evaluate((view) => {
        const bottom = Math.min(view.getBoundingClientRect().bottom, window.innerHeight);
        const panels = view.querySelectorAll('.statistics-chart, .statistics-headline__item');
        return [...panels].every((panel) => panel.getBoundingClientRect().bottom <= bottom + 1);
      }),
    ).toBe(true);
    // Each figure's label, number and detail inside its own card, each table inside its panel:
    // squeezed into a short screen, they spilled over the next card's label, text over text.
    expect(
      await statistics.view.evaluate((view) =>
        [...view.querySelectorAll('.statistics-headline__item, .statistics-chart')].flatMap((card) => {
          const edge = card.getBoundingClientRect();
          return (
            [...card.querySelectorAll('*')]
              // The charts' figures as tables for screen readers are off the screen by design.
              .filter((part) => part.closest('.visually-hidden') === null)
              .filter((part) => part.getBoundingClientRect().bottom > edge.bottom + 1)
              .map((part) => part.textContent)
          );
        }),
      ),
    ).toEqual([]);
    await page.screenshot({
      path: test.info().outputPath(`statistics-wall-${screen.width}x${screen.height}.png`),
    });
  });
}
