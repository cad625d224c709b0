import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { postJson } from '../support/hub';
import { expect, test } from './fixtures';
import { alertmanagerGroup, readSample, sendPagerDuty } from './helpers/monitoring';
import { CommandPalette } from './pages/command-palette';
import { SilencePanel } from './pages/silence-dialog';

// "Silence alerts" chosen in the palette on the board opens the incident and runs the action
// there. It ran the moment the incident's view mounted, before the feed had sent its alerts: the
// dialog opened with no matchers (or for alerts with nowhere to be silenced), since both are read
// from the alerts. The choice now waits for them, then opens the dialog or says why not. Pressed
// before they arrive, the action says they are still loading.

interface Seen {
  /** Each title the incident's "Silence alerts" button had, in order. */
  readonly titles: string[];
  /** Whether a silence dialog's matchers box was ever there empty. */
  emptyMatchers: boolean;
}

/** Watches the page from now on, as each change lands in the DOM; the answer reads what it saw. */
async function watchSilenceAction(page: Page): Promise<() => Promise<Seen>> {
  await page.evaluate(() => {
    const seen: Seen = { titles: [], emptyMatchers: false };
    (window as unknown as { silenceSeen: Seen }).silenceSeen = seen;
    const look = (): void => {
      const title = document.querySelector('button[data-action="Silence alerts"]')?.getAttribute('title');
      if (title && seen.titles.at(-1) !== title) seen.titles.push(title);
      const matchers = document.querySelector<HTMLTextAreaElement>('textarea[name="matchers"]');
      if (matchers && matchers.value === '') seen.emptyMatchers = true;
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { silenceSeen: Seen }).silenceSeen);
}

const PROM_TOKEN = 'prom-dc1-token';
const tokenSha256 = createHash('sha256').update(PROM_TOKEN).digest('hex');

test.describe('from an Alertmanager with an API', () => {
  // Nothing listens at the api_url: the dialog is read from the alerts, and nothing is sent here.
  test.use({
    hubSetup: {
      configFiles: {
        'integrations.yaml': `integrations:\n  - { id: prom-dc1, kind: alertmanager, token_sha256: ${tokenSha256}, api_url: "http://127.0.0.1:9" }\n`,
      },
    },
  });

  test('silence chosen in the palette on the board opens the dialog with matchers from its alerts', async ({
    board,
    incident,
    hub,
    page,
  }) => {
    await board.open();
    await board.waitUntilLive();
    const answer = await postJson(
      `${hub.url}/api/v1/ingest/alertmanager`,
      alertmanagerGroup({ alertname: 'DiskFull', service: 'payments-db', severity: 'warning' }),
      { authorization: `Bearer ${PROM_TOKEN}` },
    );
    expect(answer.status).toBe(200);
    await expect(board.openRows()).toHaveCount(1);
    const incidentId = await board.incidentIdOf(board.openRows());
    await board.select(board.openRows().first());

    const palette = new CommandPalette(page);
    await palette.open();
    await palette.search('silence');
    await expect(palette.labelOf(palette.activeOption)).toHaveText('Silence alerts');
    const seen = await watchSilenceAction(page);
    await palette.choose();
    // The dialog takes the focus the incident's heading would have.
    await expect(incident.view).toHaveAttribute('data-incident-id', incidentId);

    const silences = new SilencePanel(page);
    await expect(silences.dialog).toBeVisible();
    await expect(silences.matchers).toHaveValue(
      'alertname="DiskFull"\nservice="payments-db"\nseverity="warning"',
    );
    // It opened once the alerts were there, never on an empty box; until then the button said why.
    const { titles, emptyMatchers } = await seen();
    expect(emptyMatchers).toBe(false);
    expect(titles[0]).toBe(`${incidentId}'s alerts are still loading; try again in a moment.`);
  });
});

test('silence chosen in the palette for alerts with nowhere to be silenced says why, and opens nothing', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendPagerDuty(hub.url, readSample('pagerduty-trigger.json'));
  await expect(board.openRows()).toHaveCount(1);
  const incidentId = await board.incidentIdOf(board.openRows());
  await board.select(board.openRows().first());

  const palette = new CommandPalette(page);
  await palette.open();
  await palette.search('silence');
  await expect(palette.labelOf(palette.activeOption)).toHaveText('Silence alerts');
  await palette.choose();
  await incident.expectOpen(incidentId);

  await expect(incident.alert).toHaveText(
    `None of ${incidentId}'s alerts came from an Alertmanager integration, so there is nowhere to silence them.`,
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
