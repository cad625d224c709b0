import { expect, test } from './fixtures';
import { alertmanagerGroup, readSample, sendAlertmanager } from './helpers/monitoring';
import { openSecondConsole } from './helpers/second-console';

// The service's runbook appears in the incident, rendered safely, and its checklist is shared:
// a step ticked on one console is ticked on every console.

const RUNBOOK = `# Payments DB: replication lag

Check the [lag dashboard](https://grafana.example.org/d/pg) and **never** fail over during a backup.
<img src=x onerror="window.__xss=1"> [bad](javascript:window.__xss=1)

- [ ] Check replication lag on pg-2
- [ ] Page the DBA on call
`;

test.use({
  hubSetup: {
    configFiles: {
      'services.yaml': `teams:
  - { id: data-platform, name: Data Platform, members: [] }
services:
  - { id: payments-db, name: Payments DB, team: data-platform, tier: 1, depends_on: [], runbook: payments-db.md }
  - { id: search-api, name: Search API, team: data-platform, tier: 3, depends_on: [] }
`,
      'runbooks/payments-db.md': RUNBOOK,
    },
  },
});

test('the runbook is shown safely and its checklist is shared live', async ({
  board,
  hub,
  page,
  browser,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  const other = await openSecondConsole(browser, hub);
  await board.openRows().first().click();
  await other.board.openRows().first().click();

  const runbook = page.getByRole('region', { name: /Runbook/ });
  await expect(runbook.getByRole('heading', { name: 'Payments DB: replication lag' })).toBeVisible();
  await expect(runbook.getByRole('link', { name: 'lag dashboard' })).toHaveAttribute(
    'href',
    'https://grafana.example.org/d/pg',
  );
  await expect(runbook.getByRole('link')).toHaveCount(1);
  await expect(runbook).toContainText(
    '<img src=x onerror="window.__xss=1"> [bad](javascript:window.__xss=1)',
  );
  await expect(runbook.locator('img')).toHaveCount(0);

  const step = runbook.getByRole('checkbox', { name: 'Check replication lag on pg-2' });
  await expect(step).not.toBeChecked();
  // The box ticks when the hub has recorded the step, not before.
  await step.click();
  await expect(step).toBeChecked();
  await expect(step).toBeDisabled();
  const otherStep = other.incident.view.getByRole('checkbox', { name: 'Check replication lag on pg-2' });
  await expect(otherStep).toBeChecked();
  await expect(other.incident.timelineEntry('Runbook step done: Check replication lag on pg-2')).toHaveCount(
    1,
  );
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
  await other.close();
});

test('an incident without a runbook says so, with no failed request in the console', async ({
  board,
  hub,
  page,
}) => {
  const failures: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'SearchSlow', service: 'search-api', severity: 'warning' }),
  );
  await board.openRows().first().click();
  const runbook = page.getByRole('region', { name: /Runbook/ });
  await expect(runbook).toContainText('No runbook for these services.');
  expect(failures).toEqual([]);
});
