import type { NotifyChannel } from '../../shared/config/types';
import { type ChannelKind, channelHost } from '../../shared/impact/catalog';
import { emailMessage } from './email-message';
import type { Mailer, OutgoingEmail } from './mailer';
import { type PostResult, postJsonOnce } from './post-json';
import { teamsCard } from './teams-card';

// One notice (a page, or "your service is hurt"), shaped for each kind of channel, and the one
// try that sends it. Pages and notify_impacted both go through here, so every channel gets the
// same words and the incident's link, and every outcome is recorded the same way.

/** What happened, in words, for any channel. Titles inside are untrusted alert text. */
export interface Notice {
  /** "[SEV1] INC-4: Payments DB down" */
  readonly headline: string;
  /** The sentences after it. */
  readonly lines: ReadonlyArray<string>;
  /** Headline and sentences as one plain text, for webhooks and Slack. */
  readonly text: string;
  /** The incident in the console, or null when the hub knows no address for it. */
  readonly link: string | null;
  readonly incidentId: string;
  readonly urgent: boolean;
  /** What a generic webhook gets besides `text` and `url`: the incident as data. */
  readonly data: Readonly<Record<string, unknown>>;
}

export type Outgoing =
  | {
      readonly kind: 'post';
      readonly url: string;
      readonly body: unknown;
      /** Sent as the Idempotency-Key header: the same on every try and on every hub. */
      readonly idempotencyKey?: string;
    }
  | ({ readonly kind: 'email' } & OutgoingEmail);

/**
 * The message with the key a receiver can tell a repeat by: deliveries are at least once (a
 * leader that dies between the POST and recording its outcome leaves the next leader to send it
 * again), so every try of one delivery carries the same key: the Idempotency-Key header of a
 * POST, the Message-ID of an email.
 */
export function withIdempotencyKey(message: Outgoing, key: string): Outgoing {
  return message.kind === 'post'
    ? { ...message, idempotencyKey: key }
    : { ...message, messageId: `<${key}@sitroom>` };
}

/** The message for one channel. */
export function outgoingFor(channel: NotifyChannel, notice: Notice): Outgoing {
  switch (channel.kind) {
    case 'webhook':
      return {
        kind: 'post',
        url: channel.url,
        body: { ...notice.data, text: notice.text, ...(notice.link === null ? {} : { url: notice.link }) },
      };
    case 'slack':
      return { kind: 'post', url: channel.url, body: slackBody(notice) };
    case 'teams':
      return {
        kind: 'post',
        url: channel.url,
        body: teamsCard({ ...notice, linkTitle: `Open ${notice.incidentId} in Sitroom` }),
      };
    case 'email':
      return { kind: 'email', ...emailMessage(channel.address, notice.headline, notice.lines, notice.link) };
  }
}

/** The body a channel kind would get over HTTP (not email): for callers that only post. */
export function httpBody(kind: Exclude<ChannelKind, 'email'>, notice: Notice): unknown {
  const outgoing = outgoingFor({ kind, url: 'https://unused.invalid/' }, notice);
  return outgoing.kind === 'post' ? outgoing.body : null;
}

/** Slack's {text}; <, > and & escaped (Slack's "escaping text" guide) so alert text cannot mention or link. */
function slackBody(notice: Notice): { text: string } {
  const text = slackEscape(notice.text);
  // The link is the hub's own (console address + INC-n), so it may be a Slack link.
  return {
    text: notice.link === null ? text : `${text}\n<${notice.link}|Open ${notice.incidentId} in Sitroom>`,
  };
}

function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Where a message goes, as recorded on the timeline: a URL's host, an address's domain. */
export function outgoingHost(channel: NotifyChannel): string {
  return channelHost(channel);
}

/** How one try reaches the network; replaceable in tests that script the answers. */
export interface Senders {
  readonly post?: (
    url: string,
    body: string,
    timeoutMs: number,
    signal: AbortSignal,
    idempotencyKey?: string,
  ) => Promise<PostResult>;
  /** The mailer for the current configuration; null when notifications.yaml has no smtp. */
  readonly mailer?: () => Mailer | null;
}

/** Sends once: a POST of the JSON body, or one email. */
export function sendOnce(
  message: Outgoing,
  timeoutMs: number,
  signal: AbortSignal,
  senders: Senders,
): Promise<PostResult> {
  if (message.kind === 'post') {
    const post = senders.post ?? postJsonOnce;
    return post(message.url, JSON.stringify(message.body), timeoutMs, signal, message.idempotencyKey);
  }
  const mailer = senders.mailer?.() ?? null;
  if (mailer === null)
    return Promise.resolve({ ok: false, retry: false, error: 'no smtp server in notifications.yaml' });
  return mailer.send(message, timeoutMs, signal);
}
