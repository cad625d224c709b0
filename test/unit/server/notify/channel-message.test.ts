import { describe, expect, it } from 'vitest';
import { type Notice, outgoingFor } from '../../../../server/notify/channel-message';
import { emailSubject } from '../../../../server/notify/email-message';
import { incidentLink } from '../../../../server/notify/incident-link';
import { smtpFailure } from '../../../../server/notify/mailer';

const hostile = 'DB down <!channel> [x](https://evil.example) **now**\r\nBcc: all@example.org';
const notice: Notice = {
  headline: `[SEV1] INC-7: ${hostile}`,
  lines: ['Escalation level 1 pages Dana.'],
  text: `[SEV1] INC-7: ${hostile}. Escalation level 1 pages Dana.`,
  link: 'https://noc.example.org/?incident=INC-7',
  incidentId: 'INC-7',
  urgent: true,
  data: { level: 1 },
};

describe('one notice, each channel', () => {
  it('gives Teams a message with one Adaptive Card: text in TextRuns only, the link as its one action', () => {
    const out = outgoingFor({ kind: 'teams', url: 'https://example.webhook.office.com/x' }, notice);
    if (out.kind !== 'post') throw new Error('expected a POST');
    const body = out.body as {
      type: string;
      attachments: Array<{ contentType: string; contentUrl: null; content: Record<string, unknown> }>;
    };
    expect(body.type).toBe('message');
    expect(body.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = body.attachments[0]?.content as {
      body: Array<{ type: string; inlines: Array<{ type: string; text: string; color?: string }> }>;
      actions: unknown[];
    };
    expect(card.body.map((block) => block.type)).toEqual(['RichTextBlock', 'RichTextBlock']);
    expect(card.body[0]?.inlines[0]).toMatchObject({
      type: 'TextRun',
      text: notice.headline,
      color: 'Attention',
    });
    expect(JSON.stringify(card)).not.toContain('"type":"TextBlock"');
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open INC-7 in Sitroom',
        url: 'https://noc.example.org/?incident=INC-7',
      },
    ]);
  });

  it('gives a webhook the data, the text and the link', () => {
    const out = outgoingFor({ kind: 'webhook', url: 'https://hooks.example.org/x' }, notice);
    expect(out).toEqual({
      kind: 'post',
      url: 'https://hooks.example.org/x',
      body: { level: 1, text: notice.text, url: notice.link },
    });
  });

  it('gives email a one-line subject, the sentences and the link', () => {
    const out = outgoingFor({ kind: 'email', address: 'sre@example.org' }, notice);
    if (out.kind !== 'email') throw new Error('expected an email');
    expect(out.to).toBe('sre@example.org');
    expect(out.subject).not.toMatch(/[\r\n]/);
    expect(out.subject).toBe(
      '[SEV1] INC-7: DB down <!channel> [x](https://evil.example) **now** Bcc: all@example.org',
    );
    expect(out.text).toContain('Open it in Sitroom: https://noc.example.org/?incident=INC-7');
  });
});

describe('emailSubject', () => {
  it('makes any line break a space, shows hidden characters and stays short', () => {
    expect(emailSubject('a\r\nb\u2028c\u0085d\u202Ee')).toBe('a b c d<U+202E>e');
    expect(emailSubject('x'.repeat(1000))).toHaveLength(200);
  });
});

describe('incidentLink', () => {
  it('puts the incident on the console address, or nothing without one', () => {
    expect(incidentLink('https://noc.example.org/sitroom/', 'INC-4')).toBe(
      'https://noc.example.org/sitroom/?incident=INC-4',
    );
    expect(incidentLink(null, 'INC-4')).toBeNull();
  });
});

describe('smtpFailure', () => {
  it('retries a 4xx reply or a network failure, and not a 5xx reply or a refused sign-in', () => {
    expect(smtpFailure({ responseCode: 451, response: '451 4.7.1 Try later' })).toEqual({
      ok: false,
      retry: true,
      error: 'SMTP 451 4.7.1 Try later',
    });
    expect(smtpFailure({ responseCode: 550, response: '550 5.1.1 No such user' })).toMatchObject({
      retry: false,
    });
    expect(smtpFailure({ code: 'EAUTH', message: 'Invalid login' })).toMatchObject({ retry: false });
    expect(smtpFailure({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toEqual({
      ok: false,
      retry: true,
      error: 'network error ECONNREFUSED',
    });
  });
});
