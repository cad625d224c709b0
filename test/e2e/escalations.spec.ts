import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copyOfValidConfig } from '../support/config-folder';
import { postJson } from '../support/hub';
import { test as base, expect } from './fixtures';
import { alertmanagerGroup } from './helpers/monitoring';
import type { BoardPage } from './pages/board-page';
import { EscalationsPage } from './pages/escalations-page';
import { SignInDialog } from './pages/sign-in-dialog';

// Escalations against a real hub running the example config folder with a short ladder for
// payments-db: Dana at once, Alice and team sre (Alice, Bob) after a minute, then Eve 12 s later.
// The levels move on the hub's real clock while the test watches the console.

const ESCALATION_YAML = `
rotations:
  - { id: noc-primary, timezone: UTC, handoff: "08:00", shift_hours: 12, participants: [alice, bob], start: 2026-01-05 }
  - { id: data-oncall, timezone: Europe/Berlin, handoff: "09:30", shift_hours: 168, participants: [dana, eve] }
policies:
  - id: data-critical
    levels:
      - { notify: [user:dana], escalate_after_minutes: 1 }
      - { notify: [user:alice, team:sre], escalate_after_minutes: 0.2 }
      - { notify: [user:eve], escalate_after_minutes: 15 }
    repeat: 0
routes:
  - { match: { service: payments-db }, policy: data-critical }
default_policy: data-critical
`;

const test = base.extend<{ configFolder: string; escalations: EscalationsPage }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  configFolder: async ({}, provide) => {
    const dir = copyOfValidConfig();
    writeFileSync(join(dir, 'escalation.yaml'), ESCALATION_YAML);
    await provide(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  hubSetup: async ({ configFolder }, provide) => provide({ args: ['--config-dir', configFolder] }),
  escalations: async ({ page }, provide) => provide(new EscalationsPage(page)),
});

async function signIn(page: Page, board: BoardPage, hubUrl: string, token: string): Promise<void> {
  await page.goto(`${hubUrl}/`);
  await new SignInDialog(page).signIn(token);
  await board.waitUntilLive();
}

/** Prometheus (integration prom-dc1) reports payments-db replication lag: a SEV1 incident. */
async function paymentsDbAlert(hubUrl: string): Promise<void> {
  const body = alertmanagerGroup({
    alertname: 'PostgresReplicationLag',
    service: 'payments-db',
    severity: 'critical',
    summary: 'Replica pg-2 is 312s behind primary',
  });
  const answer = await postJson(`${hubUrl}/api/v1/ingest/alertmanager`, body, {
    authorization: 'Bearer prom-dc1-token',
  });
  expect(answer.status).toBe(200);
}

test('an alert on payments-db starts an escalation; g e shows who is paged, who is next and a countdown', async ({
  board,
  incident,
  escalations,
  hub,
  page,
}) => {
  await signIn(page, board, hub.url, 'dana-token');
  await paymentsDbAlert(hub.url);
  await expect(board.openRows()).toHaveCount(1);
  const id = await board.incidentIdOf(board.openRows().first());
  await expect(escalations.tab).toContainText('1');

  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await escalations.expectOpen();
  await expect(escalations.rows).toHaveCount(1);
  await expect(escalations.row(id)).toContainText('SEV1');
  await expect(escalations.row(id)).toContainText('Replica pg-2 is 312s behind primary');
  await expect(escalations.level(id)).toHaveText('Level 1 of 3');
  await expect(escalations.pagedNow(id)).toContainText('Dana Reyes');
  await expect(escalations.next(id)).toContainText('Level 2 of 3: Alice Moreau + Bob Okafor + team sre');
  const first = await escalations.secondsLeft(id);
  expect(first).toBeGreaterThan(20);
  expect(first).toBeLessThanOrEqual(60);
  await expect.poll(() => escalations.secondsLeft(id)).toBeLessThan(first);

  // "?" lists the view's keys, and "g e" among the keys that work everywhere.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Escalate now: page the next level');
  await expect(sheet).toContainText('Next escalation');
  await expect(sheet).toContainText('Go to the escalations');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  await expect(escalations.onCallRotation('noc-primary')).toContainText(/Alice Moreau|Bob Okafor/);
  await expect(escalations.onCallRotation('data-oncall')).toContainText(/Dana Reyes|Eve Lindqvist/);

  // Dana is the one paged: the console she is signed in at says so until she acknowledges.
  await expect(escalations.pageAlert(id)).toContainText('You are paged: Level 1');
  await page.keyboard.press('Enter');
  await incident.expectOpen(id);
  await incident.press('a');
  await expect(incident.acknowledgement).toContainText('Acknowledged by Dana Reyes');
  await expect(escalations.pageAlert(id)).toHaveCount(0);
  await expect(incident.timelineEntry('Escalation level 1 paged: Dana Reyes')).toHaveCount(1);
  await expect(incident.timelineEntry('Escalation stopped: acknowledged')).toHaveCount(1);

  // Acknowledged, the escalation stops: nothing left to run.
  await page.keyboard.press('Escape');
  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await escalations.expectOpen();
  await expect(escalations.view).toContainText('No escalation is running');
  await expect(escalations.tab).toContainText('0');
  await page.keyboard.press('Escape');
  await expect(escalations.view).toHaveCount(0);
  await expect(board.openRows()).toHaveCount(1);
});

test('"Escalate now" pages the next level at once, the paged operator is alerted, and the ladder moves on by itself', async ({
  board,
  escalations,
  hub,
  page,
}) => {
  // A browser Notification that records what it was asked to show, starting un-granted.
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = [];
    class RecordingNotification {
      static permission: NotificationPermission = 'default';
      static async requestPermission(): Promise<NotificationPermission> {
        RecordingNotification.permission = 'granted';
        return 'granted';
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body ?? '' });
      }
      close(): void {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
    Object.defineProperty(window, 'shownNotifications', { value: shown });
  });
  const shownNotifications = () =>
    page.evaluate(
      () => (window as unknown as { shownNotifications: Array<{ title: string }> }).shownNotifications,
    );

  await signIn(page, board, hub.url, 'alice-token');
  await paymentsDbAlert(hub.url);
  await expect(board.openRows()).toHaveCount(1);
  const id = await board.incidentIdOf(board.openRows().first());

  await escalations.tab.click();
  await escalations.expectOpen();
  await expect(escalations.pagedNow(id)).toContainText('Dana Reyes');
  // Level 1 paged Dana, not Alice.
  await expect(page.getByTestId('page-alerts')).toHaveCount(0);
  await escalations.view.getByRole('button', { name: 'Enable desktop notifications' }).click();
  await expect(escalations.view).toContainText('Desktop notifications on');

  await escalations.escalateButton(id).click();
  await expect(escalations.notice).toHaveText(`${id} escalated: the next level is being paged.`);
  await expect(escalations.level(id)).toHaveText('Level 2 of 3');
  await expect(escalations.pagedNow(id)).toContainText('Alice Moreau, Bob Okafor');
  // Team sre's channel reaches Alice and Bob; Eve has no webhook and is paged alone.
  await expect(escalations.unreachable(id)).toHaveCount(0);
  await expect(escalations.next(id)).toContainText('Level 3 of 3: Eve Lindqvist (not reachable)');
  expect(await escalations.secondsLeft(id)).toBeLessThanOrEqual(12);

  // Alice is paged now: an in-app alert and a desktop notification.
  await expect(escalations.pageAlert(id)).toContainText('You are paged: Level 2');
  await expect(escalations.pageAlert(id)).toContainText('Replica pg-2 is 312s behind primary');
  await expect
    .poll(async () => (await shownNotifications()).map((n) => n.title))
    .toEqual([`You are paged: ${id} SEV1`]);

  // 12 s later the hub pages level 3 on its own; the view follows without a reload.
  await expect(escalations.level(id)).toHaveText('Level 3 of 3', { timeout: 25_000 });
  // Paged in the log, but no message can reach her: the row says so rather than "paged".
  await expect(escalations.unreachable(id)).toHaveText([
    'Eve Lindqvist — not reachable: no contact configured',
  ]);
  await expect(escalations.next(id)).toContainText('the last level has been paged');
  await expect(escalations.row(id)).toContainText('waiting for an acknowledgement');
  // Alice's page still stands: nobody has acknowledged.
  await expect(escalations.pageAlert(id)).toContainText('Level 2');

  // Past the last level nothing follows: Escalate pages that level again (a plain escalate is
  // refused by the hub, and the console has no other way to page anyone), and says so.
  await page.keyboard.press('e');
  await expect(escalations.notice).toHaveText(
    `${id}: level 3, the last of its policy, is being paged again.`,
  );
  await expect(escalations.notice).toHaveAttribute('role', 'status');
  await expect(escalations.level(id)).toHaveText('Level 3 of 3');
  await expect(escalations.pagedNow(id)).toContainText('Eve Lindqvist');

  await escalations.pageAlert(id).getByRole('button', { name: 'Dismiss' }).click();
  await expect(escalations.pageAlert(id)).toHaveCount(0);
});

test('a wall display watches escalations but may not escalate', async ({ board, escalations, hub, page }) => {
  await signIn(page, board, hub.url, 'wall-token');
  await paymentsDbAlert(hub.url);
  await expect(board.openRows()).toHaveCount(1);
  const id = await board.incidentIdOf(board.openRows().first());

  await escalations.tab.click();
  await escalations.expectOpen();
  await expect(escalations.level(id)).toHaveText('Level 1 of 3');
  await expect(escalations.escalateButton(id)).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('e');
  await expect(escalations.notice).toHaveText(
    'Escalate needs the operator role; you are signed in as viewer.',
  );
  await expect(escalations.level(id)).toHaveText('Level 1 of 3');
});

test('e pressed again while an escalation is on its way says so and pages nobody more', async ({
  board,
  escalations,
  hub,
  page,
}) => {
  await signIn(page, board, hub.url, 'dana-token');
  await paymentsDbAlert(hub.url);
  await expect(board.openRows()).toHaveCount(1);
  const id = await board.incidentIdOf(board.openRows().first());
  await escalations.tab.click();
  await escalations.expectOpen();
  await expect(escalations.level(id)).toHaveText('Level 1 of 3');

  // The hub away, the escalate waits in the outbox for as long as the test needs.
  await hub.kill('SIGKILL');
  await expect(board.connectionStatus).toContainText(/Offline since/);
  await escalations.row(id).focus();
  await page.keyboard.press('e');
  await expect(escalations.escalateButton(id)).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('outbox')).toContainText('1 action queued');

  // A second `e` sent a second escalate: two levels paged for one decision.
  await page.keyboard.press('e');
  await expect(escalations.notice).toHaveText(
    `“Escalate ${id}” is still queued: it goes out when the hub is back.`,
  );
  await escalations.escalateButton(id).click({ force: true });
  await expect(page.getByTestId('outbox')).toContainText('1 action queued');
});
