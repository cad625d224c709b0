import { z } from 'zod';
import type { NotificationSettings, SmtpSettings } from '../types';
import { fileObject } from './common';

// notifications.yaml: how the hub's messages leave and where they point. The console's public
// address goes in every message as the incident's link; the SMTP server carries the `email`
// channels of services.yaml. The password is read from the hub's environment, never the folder.

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/** An absolute http(s) URL without credentials, query or fragment, ending in "/". */
const consoleUrl = z
  .string({ error: 'must be the console\'s address, e.g. "https://noc.example.org/"' })
  .refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.username === '' &&
        url.password === '' &&
        url.search === '' &&
        url.hash === ''
      );
    },
    {
      error:
        'must be an http(s) address without credentials, query or fragment, e.g. "https://noc.example.org/"',
    },
  )
  .transform((value) => {
    const url = new URL(value);
    if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
    return url.href;
  });

const smtpHost = z
  .string({ error: 'must be the mail server\'s name or address, e.g. "smtp.example.org"' })
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[?[0-9A-Fa-f:.]+\]?)$/,
    {
      error: 'must be a host name or IP address, e.g. "smtp.example.org"',
    },
  )
  .max(253, { error: 'must be at most 253 characters' });

/** "sitroom@example.org" or "Sitroom NOC <sitroom@example.org>": one line, one address. */
const fromAddress = z.string({ error: 'must be an email address' }).refine(
  (value) => {
    const match = /^(?:([^<>"\\\p{Cc}]{1,100}) )?<([^<>\s]+)>$/u.exec(value);
    const address = match ? match[2] : value;
    return z.email().safeParse(address).success;
  },
  { error: 'must be an address, alone or as "Name <address>", e.g. "Sitroom <sitroom@example.org>"' },
);

const smtpSchema = z
  .strictObject({
    host: smtpHost,
    port: z
      .number({ error: 'must be a port number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be 1–65535' })
      .max(65535, { error: 'must be 1–65535' })
      .optional(),
    security: z.enum(['tls', 'starttls', 'none'], {
      error:
        'must be tls (TLS from the start, port 465), starttls (upgraded, port 587) or none (loopback only)',
    }),
    user: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }).max(256).optional(),
    password_env: z
      .string({ error: 'must be the name of an environment variable' })
      .regex(/^[A-Z_][A-Z0-9_]{0,127}$/, {
        error: 'must be an environment variable name such as SITROOM_SMTP_PASSWORD',
      })
      .optional(),
    from: fromAddress,
  })
  .superRefine((smtp, ctx) => {
    // Without TLS the password and every message cross the network in clear.
    if (smtp.security === 'none' && !LOOPBACK_HOST.test(smtp.host))
      ctx.addIssue({
        code: 'custom',
        path: ['security'],
        message:
          'none is only allowed to a mail server on this machine (localhost, 127.x.x.x, ::1); use tls or starttls',
      });
    if ((smtp.user === undefined) !== (smtp.password_env === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [smtp.user === undefined ? 'password_env' : 'user'],
        message:
          'user and password_env go together: both to sign in, neither for a server that takes mail without',
      });
  })
  .transform(
    (smtp): SmtpSettings => ({
      host: smtp.host.replace(/^\[(.*)\]$/, '$1'),
      port: smtp.port ?? (smtp.security === 'tls' ? 465 : smtp.security === 'starttls' ? 587 : 25),
      security: smtp.security,
      user: smtp.user ?? null,
      passwordEnv: smtp.password_env ?? null,
      from: smtp.from,
    }),
  );

export const notificationsFileSchema = fileObject({
  console_url: consoleUrl.optional(),
  smtp: smtpSchema.optional(),
}).transform(
  (file): NotificationSettings => ({ consoleUrl: file.console_url ?? null, smtp: file.smtp ?? null }),
);

export type NotificationsFile = z.output<typeof notificationsFileSchema>;
