import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { catalogFromConfig } from '../../../shared/impact/catalog';
import { configFolder, lines, loadErrors, removeConfigFolders } from './config-folder';

// Teams and email channels, and notifications.yaml (console address, SMTP server): what loads,
// and each mistake at its file and line.

afterAll(removeConfigFolders);

const services = (...notify: string[]) =>
  lines(
    'teams:', //                                              1
    '  - id: sre', //                                         2
    '    name: SRE', //                                       3
    '    notify:', //                                         4
    ...notify.map((entry) => `      - ${entry}`), //          5…
    'services: [{ id: web, name: Web, team: sre, tier: 1 }]',
  );

const smtp = (...fields: string[]) =>
  lines(
    'console_url: https://noc.example.org/sitroom', //        1
    'smtp:', //                                               2
    ...fields.map((field) => `  ${field}`), //                3…
  );

describe('notification channels', () => {
  it('loads teams_webhook and email channels beside webhook and slack, with the SMTP server and console address', async () => {
    const result = await loadConfig(
      configFolder({
        'services.yaml': services(
          'teams_webhook: https://example.webhook.office.com/webhookb2/abc/IncomingWebhook/def',
          'email: sre-oncall@example.org',
          'slack_webhook: https://hooks.slack.com/services/T0/B0/x',
        ),
        'notifications.yaml': smtp(
          'host: smtp.example.org',
          'security: starttls',
          'user: sitroom',
          'password_env: PATH',
          'from: "Sitroom <sitroom@example.org>"',
        ),
        'escalation.yaml': null,
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.config.teams[0]?.notify).toEqual([
      { kind: 'teams', url: 'https://example.webhook.office.com/webhookb2/abc/IncomingWebhook/def' },
      { kind: 'email', address: 'sre-oncall@example.org' },
      { kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/x' },
    ]);
    expect(result.config.notifications).toEqual({
      consoleUrl: 'https://noc.example.org/sitroom/',
      smtp: {
        host: 'smtp.example.org',
        port: 587,
        security: 'starttls',
        user: 'sitroom',
        passwordEnv: 'PATH',
        from: 'Sitroom <sitroom@example.org>',
      },
    });
    // Consoles learn where a team is told, not the URL's secret path nor the whole address.
    expect(catalogFromConfig(result.config).teams[0]?.channels).toEqual([
      { kind: 'teams', host: 'example.webhook.office.com' },
      { kind: 'email', host: 'example.org' },
      { kind: 'slack', host: 'hooks.slack.com' },
    ]);
  });

  it('refuses a plain-http Teams URL, a bad address and an entry with two channels, at their lines', async () => {
    const errors = await loadErrors({
      'services.yaml': services(
        'teams_webhook: http://example.webhook.office.com/x',
        'email: "oncall@example.org\\r\\nBcc: everyone@example.org"',
        '{ email: a@example.org, webhook: "https://hooks.example.org/x" }',
      ),
      'notifications.yaml': smtp('host: smtp.example.org', 'security: tls', 'from: sitroom@example.org'),
      'escalation.yaml': null,
    });
    expect(errors).toEqual([
      'services.yaml:5: team "sre": notify[0].teams_webhook: must be an https:// URL',
      'services.yaml:6: team "sre": notify[1].email: must be one email address, e.g. "payments-oncall@example.org"',
      'services.yaml:7: team "sre": notify[2]: each notify entry needs exactly one of webhook, slack_webhook, teams_webhook or email',
    ]);
  });

  it('says at the email channel that there is no SMTP server to send it', async () => {
    const errors = await loadErrors({
      'services.yaml': services('email: sre-oncall@example.org'),
      'escalation.yaml': null,
    });
    expect(errors).toEqual([
      'services.yaml:5: team "sre" is told by email, but notifications.yaml has no smtp server to send it',
    ]);
  });

  it('refuses SMTP without TLS beyond loopback, a half sign-in, an unset password variable and a bad From', async () => {
    const folder = (fields: string[]) => ({
      'notifications.yaml': smtp(...fields),
      'escalation.yaml': null,
    });
    expect(
      await loadErrors(folder(['host: smtp.example.org', 'security: none', 'from: sitroom@example.org'])),
    ).toEqual([
      'notifications.yaml:4: smtp.security: none is only allowed to a mail server on this machine (localhost, 127.x.x.x, ::1); use tls or starttls',
    ]);
    expect(
      await loadErrors(
        folder(['host: smtp.example.org', 'security: tls', 'user: sitroom', 'from: sitroom@example.org']),
      ),
    ).toEqual([
      'notifications.yaml:5: smtp.user: user and password_env go together: both to sign in, neither for a server that takes mail without',
    ]);
    expect(
      await loadErrors(
        folder([
          'host: smtp.example.org',
          'security: tls',
          'user: sitroom',
          'password_env: SITROOM_TEST_UNSET_SMTP_PASSWORD',
          'from: sitroom@example.org',
        ]),
      ),
    ).toEqual(["notifications.yaml:6: SITROOM_TEST_UNSET_SMTP_PASSWORD is not set in the hub's environment"]);
    expect(
      await loadErrors(
        folder(['host: smtp.example.org', 'security: tls', 'from: "x@example.org\\nBcc: y@example.org"']),
      ),
    ).toEqual([
      'notifications.yaml:5: smtp.from: must be an address, alone or as "Name <address>", e.g. "Sitroom <sitroom@example.org>"',
    ]);
    expect(
      await loadErrors({
        'notifications.yaml': 'console_url: "javascript:alert(1)"\n',
        'escalation.yaml': null,
      }),
    ).toEqual([
      'notifications.yaml:1: console_url: must be an http(s) address without credentials, query or fragment, e.g. "https://noc.example.org/"',
    ]);
  });

  it('accepts SMTP without TLS to a relay on loopback, with the port given', async () => {
    const result = await loadConfig(
      configFolder({
        'notifications.yaml': smtp(
          'host: 127.0.0.1',
          'port: 2525',
          'security: none',
          'from: sitroom@example.org',
        ),
        'escalation.yaml': null,
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.config.notifications.smtp).toMatchObject({
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
    });
  });
});
