import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentSilences } from '../../shared/silences/silence-view';
import { alertmanagerAvailable, type RunningAlertmanager, startAlertmanager } from '../support/alertmanager';
import { freePort, type RunningHub, startHub } from '../support/hub';
import { configWithAlertmanagerApi, PROM_TOKEN } from '../support/silences';

// Silences made in Alertmanager (its UI, amtool: whoever can reach it) are listed on an incident
// by testing their matchers against the incident's alert labels, which are alert text. Alertmanager
// runs a regex matcher with RE2, in linear time; a backtracking engine takes hours for `(a+)+`
// against forty a's and a "!", and the hub has one thread. A real Alertmanager, a real hub.

const DANA = 'dana-token';
const HOSTILE_INSTANCE = `${'a'.repeat(40)}!`;

let hub: RunningHub | undefined;
let alertmanager: RunningAlertmanager | undefined;
afterEach(async () => {
  await alertmanager?.stop();
  await hub?.kill();
  alertmanager = undefined;
  hub = undefined;
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function silenceInAlertmanager(am: RunningAlertmanager, instancePattern: string): Promise<string> {
  const response = await fetch(`${am.url}/api/v2/silences`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      matchers: [
        { name: 'alertname', value: 'HostileRegex', isRegex: false, isEqual: true },
        { name: 'instance', value: instancePattern, isRegex: true, isEqual: true },
      ],
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      createdBy: 'amtool user',
      comment: 'made outside Sitroom',
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { silenceID: string }).silenceID;
}

describe.skipIf(!alertmanagerAvailable())(
  'a silence regex from Alertmanager against hostile label values',
  () => {
    it('lists the silences on the incident without the hub backtracking', async () => {
      const port = await freePort();
      hub = await startHub({ args: ['--config-dir', configWithAlertmanagerApi(`http://127.0.0.1:${port}`)] });
      const am = await startAlertmanager({
        webhookUrl: `${hub.url}/api/v1/ingest/alertmanager`,
        port,
        bearerToken: PROM_TOKEN,
      });
      alertmanager = am;
      await am.postAlerts([
        {
          labels: {
            alertname: 'HostileRegex',
            service: 'payments-db',
            severity: 'critical',
            instance: HOSTILE_INSTANCE,
          },
          annotations: { summary: 'HostileRegex: a label value made to backtrack' },
          startsAt: new Date().toISOString(),
        },
      ]);
      const h = hub;
      const incidentId = await until('the incident', async () => {
        const list = (await (
          await fetch(`${h.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${DANA}` } })
        ).json()) as { incidents: Array<{ id: string; title: string }> };
        return list.incidents.find((incident) => incident.title.startsWith('HostileRegex'))?.id;
      });
      await silenceInAlertmanager(am, '(a+)+');
      const covering = await silenceInAlertmanager(am, 'a+!');

      const response = await fetch(`${h.url}/api/v1/incidents/${incidentId}/silences`, {
        headers: { authorization: `Bearer ${DANA}` },
      });
      expect(response.status).toBe(200);
      const listed = (await response.json()) as IncidentSilences;
      expect(listed.unreachable).toEqual([]);
      expect(listed.silences.map((silence) => silence.id)).toEqual([covering]);
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    });
  },
);
