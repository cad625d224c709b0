import { createHash } from 'node:crypto';
import { postJson } from '../support/hub';
import { expect, test } from './fixtures';
import { alertmanagerGroup } from './helpers/monitoring';

// Silences are made through the Alertmanager API of the integration an incident's alerts came
// through (integrations.yaml `api_url`). Here prom-dc1 delivers alerts but has no api_url: every
// silence could only be refused, so the console says why at the button, at the key (q, u) and
// opens no dialog.

const PROM_TOKEN = 'prom-dc1-token';
const tokenSha256 = createHash('sha256').update(PROM_TOKEN).digest('hex');

test.use({
  hubSetup: {
    configFiles: {
      'integrations.yaml': `integrations:\n  - { id: prom-dc1, kind: alertmanager, token_sha256: ${tokenSha256} }\n`,
    },
  },
});

test('with no api_url for its Alertmanager, silencing is disabled with the reason, by button and key', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  const answer = await postJson(
    `${hub.url}/api/v1/ingest/alertmanager`,
    alertmanagerGroup({
      alertname: 'DiskFull',
      service: 'payments-db',
      severity: 'warning',
      summary: 'Disk 97% full',
    }),
    { authorization: `Bearer ${PROM_TOKEN}` },
  );
  expect(answer.status).toBe(200);
  const incidentId = await incident.openFirst(board);
  await expect(incident.view.getByText('Disk 97% full').first()).toBeVisible();

  const reason = `${incidentId}'s alerts came through prom-dc1, and integrations.yaml gives none of them an api_url; Sitroom cannot reach that Alertmanager.`;
  for (const action of ['Silence alerts', 'Expire a silence']) {
    await expect(incident.action(action)).toHaveAttribute('aria-disabled', 'true');
    await expect(incident.action(action)).toHaveAttribute('title', reason);
  }
  // The keyboard path: u (expire) and q (silence) each say why, and open no dialog.
  for (const key of ['u', 'q']) {
    await incident.press(key);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(incident.alert).toHaveText(reason);
  }
});
