import { createTransport } from 'nodemailer';
import type { SmtpSettings } from '../../shared/config/types';
import type { PostResult } from './post-json';

// Email leaves through the organisation's SMTP server (notifications.yaml), one message per
// notification, plain text only: alert text is hostile and never becomes HTML. TLS is required
// unless the server is on this machine's loopback: `tls` speaks it from the first byte, `starttls`
// refuses a server that does not offer the upgrade. The password comes from the environment.

export interface OutgoingEmail {
  readonly to: string;
  /** One line; headers are built by nodemailer, which encodes what is not plain ASCII. */
  readonly subject: string;
  readonly text: string;
  /** `<key@sitroom>`, the same on every try of one delivery, so a mail store can drop a repeat. */
  readonly messageId?: string;
}

export interface Mailer {
  /** Sends once; the answer is classified like an HTTP try: worth another try, or not. */
  send(email: OutgoingEmail, timeoutMs: number, signal: AbortSignal): Promise<PostResult>;
}

/** A mailer for these settings, reading the password from `env` now. */
export function smtpMailer(settings: SmtpSettings, env: NodeJS.ProcessEnv = process.env): Mailer {
  const password = settings.passwordEnv === null ? undefined : (env[settings.passwordEnv] ?? '');
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    // `none` is loopback only (the schema says so): no upgrade attempted against a test relay.
    ignoreTLS: settings.security === 'none',
    ...(settings.user !== null ? { auth: { user: settings.user, pass: password ?? '' } } : {}),
    // Nothing read from the alert decides where a message goes or what it attaches.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(email, timeoutMs, signal) {
      if (signal.aborted) return { ok: false, retry: false, error: 'cancelled: the hub is stopping' };
      // One deadline for the whole exchange, as for an HTTP try; nodemailer's own timeouts apply
      // per stage and could add up to minutes.
      let timer: NodeJS.Timeout | undefined;
      let stop = (): void => undefined;
      const deadline = new Promise<PostResult>((resolve) => {
        timer = setTimeout(
          () => resolve({ ok: false, retry: true, error: `no answer within ${timeoutMs} ms` }),
          timeoutMs,
        );
        stop = () => resolve({ ok: false, retry: false, error: 'cancelled: the hub is stopping' });
        signal.addEventListener('abort', stop, { once: true });
      });
      const sending = transport
        .sendMail({
          from: settings.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          headers: { 'Auto-Submitted': 'auto-generated' },
          ...(email.messageId === undefined ? {} : { messageId: email.messageId }),
        })
        .then((): PostResult => ({ ok: true }))
        .catch((error: unknown): PostResult => smtpFailure(error));
      try {
        return await Promise.race([sending, deadline]);
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', stop);
      }
    },
  };
}

/** "SMTP 550 …" or "network error ECONNREFUSED"; a 5xx reply or a refused sign-in is final. */
export function smtpFailure(error: unknown): PostResult {
  const detail = error as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const responseCode = typeof detail.responseCode === 'number' ? detail.responseCode : null;
  if (responseCode !== null) {
    const reply = typeof detail.response === 'string' ? detail.response.split(/\r?\n/)[0]?.slice(0, 200) : '';
    return { ok: false, retry: responseCode < 500, error: `SMTP ${reply || responseCode}` };
  }
  const code = typeof detail.code === 'string' ? detail.code : null;
  if (code === 'EAUTH') return { ok: false, retry: false, error: 'SMTP sign-in refused (EAUTH)' };
  if (code === 'EENVELOPE') return { ok: false, retry: false, error: 'SMTP refused the address (EENVELOPE)' };
  if (code === 'ETLS') return { ok: false, retry: false, error: 'SMTP server offers no TLS (ETLS)' };
  // nodemailer wraps socket failures as ESOCKET/ECONNECTION; the system's code is what a person acts on.
  const message = typeof detail.message === 'string' ? detail.message : '';
  const system =
    /\b(E(?:CONNREFUSED|CONNRESET|HOSTUNREACH|NETUNREACH|TIMEDOUT|NOTFOUND|AI_AGAIN|PIPE))\b/.exec(message);
  const network = system?.[1] ?? code;
  return {
    ok: false,
    retry: true,
    error: network ? `network error ${network}` : String(detail.message ?? error),
  };
}

/** One mailer per distinct SMTP configuration, made again when notifications.yaml changes it. */
export class MailerForConfig {
  private key = '';
  private mailer: Mailer | null = null;

  constructor(private readonly make: (settings: SmtpSettings) => Mailer = smtpMailer) {}

  /** The mailer for these settings; null when there is no SMTP server configured. */
  for(settings: SmtpSettings | null): Mailer | null {
    if (settings === null) return null;
    const key = JSON.stringify(settings);
    if (key !== this.key || this.mailer === null) {
      this.key = key;
      this.mailer = this.make(settings);
    }
    return this.mailer;
  }
}
