import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { ulid } from 'ulid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { timelineHtml } from '../../shared/export/timeline-html';
import { authFor, hubFetch, postJson, type RunningHub, samplesDir, startHub } from '../support/hub';
import { parseCsv } from '../unit/export/parse-csv';
import { foldIncident, HOSTILE_TEXTS, handWorkedEvents, T0 } from '../unit/export/timeline-fixture';

// Timeline exports from the real hub process over real HTTP, and the HTML export rendered and
// printed to PDF by Debian's Chromium, with hostile alert text and notes that must stay inert.

const HOSTILE_TITLE = '<script>alert(1)</script> | pipes | Zoë 🚨 日本語';
const NOTES = ['<script>alert(1)</script>', '@SUM(1)', 'text with "quotes", commas, CRLF\r\nsecond line'];

/** The Alertmanager sample with attacker-chosen summaries: the group's becomes the incident title. */
function hostileWebhook(): Record<string, unknown> {
  const body = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as {
    alerts: Array<{ annotations: Record<string, string> }>;
    commonAnnotations: Record<string, string>;
  };
  const [first, second] = body.alerts;
  if (first) first.annotations.summary = '<img src=x onerror=alert(1)>';
  if (second) second.annotations.summary = '=HYPERLINK("http://evil","x")';
  body.commonAnnotations = { summary: HOSTILE_TITLE };
  return body;
}

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

interface Rendered {
  readonly page: Page;
  readonly dialogs: string[];
  readonly requests: string[];
}

/** Loads an export into a fresh page, noting any dialog (alert(1) running) and any fetch. */
async function render(html: string): Promise<Rendered> {
  if (!browser) throw new Error('Chromium did not start');
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.setContent(html, { waitUntil: 'load' });
  return { page, dialogs, requests };
}

describe('HTML export in Chromium', () => {
  it('prints to a PDF and shows hostile notes as text without running anything', async () => {
    const events = handWorkedEvents();
    const html = timelineHtml(foldIncident(events), events, { timeZone: 'Europe/Berlin', now: T0 });
    const { page, dialogs, requests } = await render(html);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(1_000);

    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('Incident opened: PostgresReplicationLag on payments-db (SEV1)');
    expect(body).toContain('2026-11-27 05:23:52 +01:00 (Europe/Berlin)');
    for (const text of HOSTILE_TEXTS) expect(body).toContain(`Note: ${text.replace(/\r\n/g, '\n')}`);
    // The hostile markup is text in the page, not elements.
    expect(await page.locator('body script, body img').count()).toBe(0);
    const cells = await page.locator('td.seq').allTextContents();
    expect(cells.map(Number)).toEqual(events.map((event) => event.seq));
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});

describe('timeline exports from the hub', () => {
  let hub: RunningHub | undefined;
  afterEach(async () => {
    await hub?.kill();
    hub = undefined;
  });

  async function hubWithHostileIncident(): Promise<{ url: string; id: string }> {
    hub = await startHub();
    const answer = await postJson(`${hub.url}/api/v1/ingest/alertmanager`, hostileWebhook());
    expect(answer.status).toBe(200);
    const list = (await (await hub.api(`/api/v1/incidents?status=all`)).json()) as {
      incidents: Array<{ id: string; title: string }>;
    };
    const incident = list.incidents[0];
    if (!incident) throw new Error('the webhook opened no incident');
    expect(incident.title).toBe(HOSTILE_TITLE);
    return { url: hub.url, id: incident.id };
  }

  /** Sends a command as the open-mode local user, the way a console does over HTTP. */
  async function command(url: string, body: Record<string, unknown>): Promise<void> {
    const answer = await postJson(`${url}/api/v1/commands`, { commandId: ulid(), ...body }, authFor(url));
    expect(answer.body).toMatchObject({ ok: true });
  }

  it('serves every format of the timeline, in the log’s order, with hostile text inert', async () => {
    const { url, id } = await hubWithHostileIncident();
    await command(url, { type: 'acknowledge', incidentId: id });
    for (const text of NOTES) await command(url, { type: 'add_note', incidentId: id, text });
    const detail = (await (await hubFetch(`${url}/api/v1/incidents/${id}`)).json()) as {
      timeline: Array<{ seq: number; type: string }>;
    };
    const seqs = detail.timeline.map((entry) => entry.seq);
    expect(detail.timeline.map((entry) => entry.type)).toEqual([
      'incident_opened',
      'alert_fired',
      'alert_fired',
      'incident_acknowledged',
      ...NOTES.map(() => 'note_added'),
    ]);
    const noteLines = NOTES.map((note) => `Note: ${note}`);

    const json = await hubFetch(`${url}/api/v1/incidents/${id}/timeline.json?tz=America/New_York`);
    expect(json.headers.get('content-type')).toBe('application/json');
    const parsed = (await json.json()) as {
      summary: Record<string, unknown>;
      timeline: Array<{ seq: number; description: string }>;
    };
    expect(parsed.summary).toMatchObject({
      title: HOSTILE_TITLE,
      timeZone: 'America/New_York',
      alertCount: 2,
      services: ['payments-db'],
      timeToAcknowledgeSeconds: expect.any(Number),
    });
    expect(parsed.timeline.map((entry) => entry.seq)).toEqual(seqs);
    expect(parsed.timeline[1]?.description).toBe('Alert firing: <img src=x onerror=alert(1)> [payments-db]');
    expect(parsed.timeline.slice(-NOTES.length).map((entry) => entry.description)).toEqual(noteLines);

    const csv = await hubFetch(`${url}/api/v1/incidents/${id}/timeline.csv`);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${id}-timeline.csv"`);
    const rows = parseCsv(await csv.text()).slice(1);
    expect(rows.filter((row) => row[3] !== 'summary').map((row) => Number(row[0]))).toEqual(seqs);
    expect(rows.filter((row) => row[3] === 'note_added').map((row) => row[4])).toEqual(noteLines);
    expect(rows.flat().some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false);

    const markdown = await (await hubFetch(`${url}/api/v1/incidents/${id}/timeline.md`)).text();
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| pipes \\| Zoë 🚨 日本語');
    expect(markdown).not.toContain('<script');

    const html = await hubFetch(`${url}/api/v1/incidents/${id}/timeline.html`);
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const { page, dialogs, requests } = await render(await html.text());
    expect(await page.title()).toBe(`${id}: ${HOSTILE_TITLE} — timeline`);
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('Alert firing: =HYPERLINK("http://evil","x") [payments-db]');
    for (const line of noteLines) expect(body).toContain(line.replace(/\r\n/g, '\n'));
    expect((await page.pdf()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('answers 400 naming the parameter and 404 for an unknown incident', async () => {
    const { url, id } = await hubWithHostileIncident();
    const badZone = await hubFetch(`${url}/api/v1/incidents/${id}/timeline.md?tz=Atlantis/Capital`);
    expect(badZone.status).toBe(400);
    expect(((await badZone.json()) as { error: { path: string } }).error.path).toBe('tz');
    const badFrom = await hubFetch(`${url}/api/v1/incidents.csv?from=last-tuesday`);
    expect(((await badFrom.json()) as { error: { path: string } }).error.path).toBe('from');
    expect((await hubFetch(`${url}/api/v1/incidents/INC-999/timeline.html`)).status).toBe(404);
  });

  it('lists incidents opened in a range as CSV', async () => {
    const { url, id } = await hubWithHostileIncident();
    const all = parseCsv(await (await hubFetch(`${url}/api/v1/incidents.csv`)).text());
    expect(all[0]?.[0]).toBe('id');
    expect(all.slice(1).map((row) => row[0])).toEqual([id]);
    expect(all[1]?.[1]).toBe(HOSTILE_TITLE);
    const future = parseCsv(await (await hubFetch(`${url}/api/v1/incidents.csv?from=2999-01-01`)).text());
    expect(future).toHaveLength(1);
  });
});
