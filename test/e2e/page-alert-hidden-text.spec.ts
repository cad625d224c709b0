import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfValidConfig } from '../support/config-folder';
import { postJson } from '../support/hub';
import { test as base, expect } from './fixtures';
import { alertmanagerGroup } from './helpers/monitoring';
import { EscalationsPage } from './pages/escalations-page';
import { SignInDialog } from './pages/sign-in-dialog';

// "You are paged" names the incident by its title, which is monitoring's text: a right-to-left
// override in it reverses what follows, a zero-width space hides in a word. The person paged
// must read the title the hub holds, its hidden characters shown as on the board.

const ESCALATION_YAML = `
policies:
  - id: data-critical
    levels:
      - { notify: [user:dana], escalate_after_minutes: 15 }
    repeat: 0
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

test("the page alert shows an incident title's hidden characters", async ({
  board,
  escalations,
  hub,
  page,
}) => {
  await page.goto(`${hub.url}/`);
  await new SignInDialog(page).signIn('dana-token');
  await board.waitUntilLive();
  const answer = await postJson(
    `${hub.url}/api/v1/ingest/alertmanager`,
    alertmanagerGroup({
      alertname: 'PostgresReplicationLag',
      service: 'payments-db',
      severity: 'critical',
      summary: 'Replica \u202Eyhtlaeh si\u202C pg-2\u200B',
    }),
    { authorization: 'Bearer prom-dc1-token' },
  );
  expect(answer.status).toBe(200);
  await expect(board.openRows()).toHaveCount(1);
  const id = await board.incidentIdOf(board.openRows().first());

  const alert = escalations.pageAlert(id);
  await expect(alert).toContainText('You are paged');
  await expect(alert).toContainText('Replica <U+202E>yhtlaeh si<U+202C> pg-2<U+200B>');
  const text = (await alert.textContent()) ?? '';
  expect(text).not.toContain('\u202E');
  expect(text).not.toContain('\u200B');
});
