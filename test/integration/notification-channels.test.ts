import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/events';
import { copyOfValidConfig, writeLadder } from '../support/config-folder';
import { freePort, postJson, type RunningHub, samplesDir, startHub } from '../support/hub';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

// Teams and email channels against real programs: the real hub pages a team whose channels are
// a Teams webhook (a loopback HTTP receiver, checking the card's shape) and an email address
// (Debian's aiosmtpd on loopback), with hostile alert text; every outcome is on the timeline.

const promAuth = { authorization: 'Bearer prom-dc1-token' };
const HOSTILE_TITLE =
  'Replica lag [click](https://evil.example) **URGENT**\r\nBcc: everyone@example.org\nX-Evil: 1 \u202Egnp.exe';

let hub: RunningHub | null = null;
let receiver: WebhookReceiver | null = null;
let smtp: SmtpReceiver | null = null;
afterEach(async () => {
  await hub?.kill();
  await receiver?.close();
  await smtp?.close();
  hub = null;
  receiver = null;
  smtp = null;
});

/** The valid fixture, team sre told by Teams and email, paged at once; SMTP on `smtpPort`. */
async function configFolder(smtpPort: number): Promise<string> {
  receiver = await startWebhookReceiver();
  const dir = copyOfValidConfig({ webhookBase: receiver.url });
  const services = join(dir, 'services.yaml');
  writeFileSync(
    services,
    readFileSync(services, 'utf8').replace(
      '      - slack_webhook: ',
      `      - teams_webhook: ${receiver.url}/teams/sre\n      - email: sre-oncall@example.org\n      - slack_webhook: `,
    ),
  );
  writeFileSync(
    join(dir, 'notifications.yaml'),
    [
      'console_url: https://noc.example.org/',
      'smtp:',
      '  host: 127.0.0.1',
      `  port: ${smtpPort}`,
      '  security: none',
      '  from: "Sitroom NOC <sitroom@example.org>"',
      '',
    ].join('\n'),
  );
  writeLadder(dir, ['{ notify: [team:sre], escalate_after_minutes: 60 }']);
  return dir;
}

async function openHostileIncident(running: RunningHub): Promise<string> {
  const body = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as {
    commonAnnotations: Record<string, string>;
  };
  body.commonAnnotations.summary = HOSTILE_TITLE;
  expect((await postJson(`${running.url}/api/v1/ingest/alertmanager`, body, promAuth)).status).toBe(200);
  return 'INC-1';
}

async function deliveries(running: RunningHub, id: string): Promise<HubEvent[]> {
  const response = await running.api(`/api/v1/incidents/${id}/events`, {
    headers: { authorization: 'Bearer wall-token' },
  });
  return ((await response.json()) as { events: HubEvent[] }).events.filter(
    (event) => event.type === 'notification_delivered' || event.type === 'notification_failed',
  );
}

const outcome = (event: HubEvent): string =>
  event.type === 'notification_delivered'
    ? `${event.channel} ${event.host} delivered`
    : event.type === 'notification_failed'
      ? `${event.channel} ${event.host} failed: ${event.error}${event.retrying ? ' (retrying)' : ''}`
      : event.type;

describe('Teams and email channels', () => {
  it('pages a team with an Adaptive Card and one email, the incident linked, hostile text inert', async () => {
    smtp = await startSmtpReceiver();
    hub = await startHub({ args: ['--config-dir', await configFolder(smtp.port)] });
    const id = await openHostileIncident(hub);
    const running = hub;
    await expect
      .poll(async () => (await deliveries(running, id)).map(outcome).sort(), { timeout: 20_000 })
      .toEqual([
        'email example.org delivered',
        `slack 127.0.0.1:${new URL(receiver?.url ?? '').port} delivered`,
        `teams 127.0.0.1:${new URL(receiver?.url ?? '').port} delivered`,
      ]);

    // The Teams card: a message with one Adaptive Card; the alert text only in TextRuns (never
    // read as Markdown) and the one action opening the incident in the console.
    const card = receiver?.posts.find((post) => post.path === '/teams/sre')?.body as {
      type: string;
      attachments: Array<{ contentType: string; content: Record<string, unknown> }>;
    };
    expect(card.type).toBe('message');
    expect(card.attachments).toHaveLength(1);
    const [attachment] = card.attachments;
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = attachment?.content as {
      type: string;
      version: string;
      body: Array<{ type: string; inlines: Array<{ type: string; text: string }> }>;
      actions: Array<{ type: string; url: string; title: string }>;
    };
    expect(content.type).toBe('AdaptiveCard');
    expect(content.version).toBe('1.4');
    for (const block of content.body) {
      expect(block.type).toBe('RichTextBlock');
      for (const inline of block.inlines) expect(inline.type).toBe('TextRun');
    }
    expect(content.body[0]?.inlines[0]?.text).toBe(`[SEV1] ${id}: ${HOSTILE_TITLE}`);
    expect(content.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: `Open ${id} in Sitroom`,
        url: `https://noc.example.org/?incident=${id}`,
      },
    ]);

    // Slack and the generic webhook get the link too.
    const slack = receiver?.posts.find((post) => post.path === '/slack/sre')?.body as { text: string };
    expect(slack.text).toContain(`<https://noc.example.org/?incident=${id}|Open ${id} in Sitroom>`);

    // The email, as the SMTP server received it: one recipient, one Subject line, no header
    // smuggled in through the alert title, the link in the plain-text body.
    const messages = smtp.messages();
    expect(messages).toHaveLength(1);
    const raw = messages[0] ?? '';
    const headerEnd = raw.search(/\r?\n\r?\n/);
    const headers = raw.slice(0, headerEnd).split(/\r?\n(?![ \t])/);
    const named = (name: string) =>
      headers.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    expect(named('X-RcptTo')).toEqual(['X-RcptTo: sre-oncall@example.org']);
    expect(named('To')).toEqual(['To: sre-oncall@example.org']);
    expect(named('Bcc')).toEqual([]);
    expect(named('Cc')).toEqual([]);
    expect(named('X-Evil')).toEqual([]);
    // The same on a resend by the next leader, so a mail store can drop the repeat.
    // A long header may be folded onto a second line (RFC 5322 2.2.3): read it unfolded.
    expect(named('Message-ID').map((line) => line.replace(/\r?\n[ \t]+/g, ' '))).toEqual([
      expect.stringMatching(/^Message-ID:\s*<sitroom-[\w-]+-\d+\.[0-9a-f]{12}@sitroom>$/),
    ]);
    expect(named('Subject')).toHaveLength(1);
    const subject = decodeHeader(named('Subject')[0] ?? '');
    expect(subject).toBe(
      `Subject: [SEV1] ${id}: Replica lag [click](https://evil.example) **URGENT** Bcc: everyone@example.org X-Evil: 1 <U+202E>gnp.exe`,
    );
    const body = raw
      .slice(headerEnd)
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    expect(body).toContain(`Open it in Sitroom: https://noc.example.org/?incident=${id}`);
    expect(raw).not.toMatch(/text\/html/i);
  });

  it('records failures: a Teams URL refusing the card and a mail server that is not there', async () => {
    const closedPort = await freePort();
    hub = await startHub({ args: ['--config-dir', await configFolder(closedPort)] });
    receiver?.failNext('/teams/sre', 1, 400);
    const id = await openHostileIncident(hub);
    const running = hub;
    const port = new URL(receiver?.url ?? '').port;
    // A 400 is final: one try. The mail server's refusal is retried, then given up on.
    await expect
      .poll(async () => (await deliveries(running, id)).map(outcome), { timeout: 60_000, interval: 500 })
      .toEqual(
        expect.arrayContaining([
          `teams 127.0.0.1:${port} failed: HTTP 400`,
          'email example.org failed: network error ECONNREFUSED',
        ]),
      );
    await expect
      .poll(
        async () =>
          (await deliveries(running, id)).filter(
            (event) => event.type === 'notification_failed' && event.channel === 'email' && !event.retrying,
          ).length,
        { timeout: 60_000, interval: 500 },
      )
      .toBe(1);
  }, 90_000);
});

/** A Subject header with RFC 2047 encoded words decoded, as a mail client shows it. */
function decodeHeader(line: string): string {
  return line
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_whole, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}
