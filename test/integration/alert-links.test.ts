import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// The links people click, end to end through the real hub: Grafana's and PagerDuty's bodies as
// their documentation shows them, with hostile URLs mixed in; what the API and the export carry.

const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(samplesDir, name), 'utf8')) as Record<string, unknown>;

interface ApiLink {
  readonly href: string;
  readonly text: string;
}
interface ApiIncident {
  readonly id: string;
  readonly title: string;
  readonly alerts: ReadonlyArray<{ readonly title: string; readonly links: ReadonlyArray<ApiLink> }>;
}

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.kill();
});

async function incidentTitled(part: string): Promise<ApiIncident> {
  const list = (await (await hub.api('/api/v1/incidents?status=all')).json()) as {
    incidents: Array<{ id: string; title: string }>;
  };
  const found = list.incidents.find((incident) => incident.title.includes(part));
  if (!found) throw new Error(`no incident titled ${part}`);
  return (await (await hub.api(`/api/v1/incidents/${found.id}`)).json()) as ApiIncident;
}

describe('alert links', () => {
  it("keeps Grafana's dashboard, panel, silence and image URLs as links, and drops hostile ones", async () => {
    const body = sample('grafana-firing.json');
    const [alert] = body.alerts as Array<Record<string, unknown>>;
    const hostile = {
      ...alert,
      fingerprint: 'hostile-one',
      labels: { alertname: 'HostileLinks', service_name: 'checkout-web' },
      annotations: {
        summary: 'Hostile links',
        runbook_url: 'javascript:alert(document.cookie)',
        logs_url: 'https://grafana.noc.example@evil.example/logs',
      },
      dashboardURL: 'data:text/html,<script>alert(1)</script>',
      panelURL: '',
      silenceURL: 'https://user:secret@grafana.noc.example/alerting/silence/new',
      imageURL: 'https://grafana.noc.example/public/img/\u202Egnp.exe',
    };
    const answer = await postJson(
      `${hub.url}/api/v1/ingest/alertmanager`,
      { ...body, alerts: [alert, hostile] },
      hub.auth(),
    );
    expect(answer.status).toBe(200);

    const incident = await incidentTitled('Checkout p99');
    const byTitle = new Map(incident.alerts.map((one) => [one.title, one.links]));
    expect(byTitle.get('Checkout p99 latency 2.4s (budget 800ms)')).toEqual([
      { href: 'https://grafana.noc.example/d/checkout?viewPanel=4', text: 'Panel' },
      { href: 'https://grafana.noc.example/d/checkout', text: 'Dashboard' },
      {
        href: 'https://grafana.noc.example/alerting/silence/new?alertmanager=grafana&matcher=alertname%3DCheckoutLatencyHigh',
        text: 'Silence in Grafana',
      },
      {
        href: 'https://grafana.noc.example/public/img/attachments/checkout-latency.png',
        text: 'Image (not loaded)',
      },
      { href: 'https://grafana.noc.example/alerting/grafana/cdk7a2x/view', text: 'Source' },
      { href: 'https://runbooks.noc.example/checkout', text: 'Runbook' },
      { href: 'https://grafana.noc.example/', text: 'Grafana' },
    ]);
    expect(byTitle.get('Hostile links')).toEqual([
      { href: 'https://grafana.noc.example/public/img/%E2%80%AEgnp.exe', text: 'Image (not loaded)' },
      { href: 'https://grafana.noc.example/alerting/grafana/cdk7a2x/view', text: 'Source' },
      { href: 'https://grafana.noc.example/', text: 'Grafana' },
    ]);

    // The export lists them as text that no Markdown renderer turns into a live link.
    const markdown = await (await hub.api(`/api/v1/incidents/${incident.id}/timeline.md`)).text();
    const section = markdown.slice(markdown.indexOf('## Links'));
    expect(section).toContain('— Panel: https\\://grafana.noc.example/d/checkout?viewPanel=4');
    expect(section).not.toMatch(/javascript|data:text|secret|evil\.example/);
    expect(section).not.toMatch(/(?<!\\)https:\/\//);
  });

  it('keeps PagerDuty links and images as links, the image never fetched', async () => {
    const event = sample('pagerduty-trigger.json');
    const answer = await postJson(
      `${hub.url}/v2/enqueue`,
      {
        ...event,
        dedup_key: 'links-test',
        links: [
          ...(event.links as unknown[]),
          { href: 'vbscript:msgbox(1)', text: 'Evil' },
          { href: 'https://wiki.noc.example/edge', text: 'Runbook\r\nBcc: everyone@example.org' },
        ],
      },
      hub.auth(),
    );
    expect(answer.status).toBe(202);
    const incident = await incidentTitled('lb-edge-4');
    expect(incident.alerts[0]?.links).toEqual([
      { href: 'https://grafana.noc.example/d/edge', text: 'Edge dashboard' },
      { href: 'https://wiki.noc.example/edge', text: 'Runbook Bcc: everyone@example.org' },
      { href: 'https://grafana.noc.example/d/edge?viewPanel=2', text: 'Uplink packet loss' },
      {
        href: 'https://grafana.noc.example/render/d-solo/edge?panelId=2',
        text: 'Image: Uplink packet loss (not loaded)',
      },
      { href: 'https://zabbix.noc.example/', text: 'Zabbix' },
    ]);
  });

  it('answers 400 naming the field for an image without its src', async () => {
    const event = sample('pagerduty-trigger.json');
    const answer = await postJson(
      `${hub.url}/v2/enqueue`,
      { ...event, dedup_key: 'bad-image', images: [{ alt: 'no src' }] },
      hub.auth(),
    );
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('images');
  });
});
