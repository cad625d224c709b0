import { afterEach, describe, expect, it } from 'vitest';
import { alertmanagerAvailable, type RunningAlertmanager, startAlertmanager } from '../support/alertmanager';
import { connectConsole, type RawConsole } from '../support/console-socket';
import { freePort, type RunningHub, startHub } from '../support/hub';

// A real Prometheus Alertmanager, configured as an operator would (webhook receiver,
// send_resolved: true), delivering to the real hub.

let hub: RunningHub | undefined;
let alertmanager: RunningAlertmanager | undefined;
let console1: RawConsole | undefined;
afterEach(async () => {
  console1?.close();
  await alertmanager?.stop();
  await hub?.kill();
});

describe.skipIf(!alertmanagerAvailable())('a real Alertmanager', () => {
  it('delivers firing and resolved groups that become one incident, opened then resolved', async () => {
    hub = await startHub();
    alertmanager = await startAlertmanager({
      webhookUrl: `${hub.url}/api/v1/ingest/alertmanager`,
      port: await freePort(),
      // With group_wait 0s a loaded machine let Alertmanager flush the group with pg-2 alone
      // (titled by its summary); a second's wait sends both alerts in the first notification.
      groupWait: '1s',
    });
    console1 = await connectConsole(hub.url);
    await console1.hello({ clientId: 'c', hubId: null, lastSeq: 0 });

    const startsAt = new Date().toISOString();
    const alerts = ['pg-2', 'pg-3'].map((instance) => ({
      labels: { alertname: 'PostgresReplicationLag', service: 'payments-db', severity: 'critical', instance },
      annotations: { summary: `Replica ${instance} is behind primary` },
      startsAt,
    }));
    await alertmanager.postAlerts(alerts);
    await console1.waitForSeq(3, 15_000);
    expect(console1.live.slice(0, 3).map((event) => event.type)).toEqual([
      'incident_opened',
      'alert_fired',
      'alert_fired',
    ]);
    expect(console1.live[0]).toMatchObject({
      title: 'PostgresReplicationLag on payments-db',
      severity: 'sev1',
    });

    const endsAt = new Date().toISOString();
    await alertmanager.postAlerts(alerts.map((alert) => ({ ...alert, endsAt })));
    await console1.waitForSeq(6, 15_000);
    expect(console1.live.slice(3, 6).map((event) => event.type)).toEqual([
      'alert_resolved',
      'alert_resolved',
      'incident_resolved',
    ]);
  }, 40_000);
});
