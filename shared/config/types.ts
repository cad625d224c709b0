import type { Severity } from '../domain';
import type { Role } from '../roles';
import type { SeverityTable } from '../severity';

// What the hub knows from the organisation's configuration folder, after validation. The YAML
// speaks snake_case because people write it; everything here is the code's camelCase.

export { ROLES, type Role } from '../roles';

export const INTEGRATION_KINDS = ['alertmanager', 'pagerduty', 'grafana', 'change'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** One mistake in the folder, pointing at the line a person has to change. */
export interface ConfigError {
  /** Relative to the config folder, e.g. "services.yaml" or "runbooks/payments-db.md". */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, when known. */
  readonly column?: number;
  readonly message: string;
}

/** A person from users.yaml, with the hash of their token. */
export interface ConfiguredUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** Lowercase hex SHA-256 of the user's bearer token; the token itself is never stored. */
  readonly tokenSha256: string;
  readonly email: string | null;
  /** https URL that pages this person. */
  readonly webhook: string | null;
}

export interface Integration {
  readonly id: string;
  readonly kind: IntegrationKind;
  /** Hex SHA-256 of the Bearer token or basic-auth password (alertmanager, grafana). */
  readonly tokenSha256: string | null;
  /** PagerDuty Events v2 routing key, 32 characters. */
  readonly routingKey: string | null;
  /** Alert label naming the service, overriding the catalog's service_labels for this source. */
  readonly serviceLabel: string | null;
  /** Severity words for this source only; consulted before the catalog-wide table. */
  readonly severityMap: SeverityTable;
  /**
   * The environment variable holding this integration's HMAC secret: when set, every delivery
   * must carry X-Sitroom-Timestamp and X-Sitroom-Signature (server/auth/ingest-signature.ts).
   */
  readonly hmacSecretEnv: string | null;
  /** Alertmanager's API v2 (silences); null when not configured. */
  readonly api: AlertmanagerApi | null;
}

/** Where an Alertmanager's API is and how to sign in to it; secrets are named, never held here. */
export interface AlertmanagerApi {
  /** Base URL without a trailing slash, e.g. "https://am.example:9093". */
  readonly url: string;
  /** Environment variable holding a Bearer token. */
  readonly tokenEnv: string | null;
  readonly username: string | null;
  /** Environment variable holding the basic-auth password for `username`. */
  readonly passwordEnv: string | null;
}

export type NotifyChannel =
  | { readonly kind: 'webhook'; readonly url: string }
  | { readonly kind: 'slack'; readonly url: string }
  /** A Microsoft Teams incoming webhook or Workflows "when a webhook request is received" URL. */
  | { readonly kind: 'teams'; readonly url: string }
  /** One address, sent through notifications.yaml's SMTP server. */
  | { readonly kind: 'email'; readonly address: string };

/** How the hub reaches its mail server (notifications.yaml `smtp`). */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** `tls`: TLS from the first byte (465); `starttls`: plain, then upgraded, refusing a server that cannot (587); `none`: loopback only. */
  readonly security: 'tls' | 'starttls' | 'none';
  readonly user: string | null;
  /** The environment variable holding the password; the folder never holds it. */
  readonly passwordEnv: string | null;
  /** The From: address, e.g. "Sitroom <sitroom@example.org>". */
  readonly from: string;
}

/** notifications.yaml: where messages link to and how email leaves. */
export interface NotificationSettings {
  /** The console's public address (https://noc.example.org/); messages link to incidents there. */
  readonly consoleUrl: string | null;
  readonly smtp: SmtpSettings | null;
}

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly members: ReadonlyArray<string>;
  readonly notify: ReadonlyArray<NotifyChannel>;
}

export interface ServiceMatch {
  readonly labels: Readonly<Record<string, string>>;
  readonly pagerdutyComponents: ReadonlyArray<string>;
  readonly pagerdutySources: ReadonlyArray<string>;
}

export interface Service {
  readonly id: string;
  readonly name: string;
  readonly team: string;
  readonly tier: 1 | 2 | 3 | 4;
  readonly dependsOn: ReadonlyArray<string>;
  /** File name under runbooks/, e.g. "payments-db.md". */
  readonly runbook: string | null;
  readonly match: ServiceMatch;
}

export interface RotationOverride {
  readonly user: string;
  /** Epoch milliseconds. */
  readonly from: number;
  /** Epoch milliseconds; later than `from`. */
  readonly to: number;
}

export interface Rotation {
  readonly id: string;
  /** IANA time zone the handoff time is read in. */
  readonly timezone: string;
  /** "HH:MM", local to `timezone`. */
  readonly handoff: string;
  readonly shiftHours: number;
  /** In order: the first is on call from `start`. */
  readonly participants: ReadonlyArray<string>;
  /** "YYYY-MM-DD" in `timezone`, or null to count from the Unix epoch. */
  readonly start: string | null;
  readonly overrides: ReadonlyArray<RotationOverride>;
}

export type NotifyTarget = {
  readonly kind: 'rotation' | 'user' | 'team';
  readonly id: string;
};

export interface EscalationLevel {
  readonly notify: ReadonlyArray<NotifyTarget>;
  readonly escalateAfterMinutes: number;
}

export interface EscalationPolicy {
  readonly id: string;
  readonly levels: ReadonlyArray<EscalationLevel>;
  /** How many more times the whole ladder runs after its last level; 0 runs it once. */
  readonly repeat: number;
}

export interface EscalationRoute {
  readonly match: {
    readonly service: string | null;
    readonly severity: Severity | null;
    readonly team: string | null;
  };
  readonly policy: string;
}

export interface RunbookStep {
  /** Stable across edits elsewhere in the file: a slug of the text, "-2"… for repeats. */
  readonly id: string;
  readonly text: string;
  /** 1-based line in the Markdown file. */
  readonly line: number;
  /** Ticked in the file itself ("- [x]"). */
  readonly checked: boolean;
}

export interface Runbook {
  /** File name under runbooks/, e.g. "payments-db.md". */
  readonly name: string;
  readonly markdown: string;
  readonly steps: ReadonlyArray<RunbookStep>;
}

export interface SitroomConfig {
  /** True when users.yaml is absent, or the hub plays the demo: everyone is admin, loopback only. */
  readonly openMode: boolean;
  readonly users: ReadonlyArray<ConfiguredUser>;
  readonly integrations: ReadonlyArray<Integration>;
  readonly teams: ReadonlyArray<Team>;
  readonly services: ReadonlyArray<Service>;
  readonly rotations: ReadonlyArray<Rotation>;
  readonly policies: ReadonlyArray<EscalationPolicy>;
  /** In file order: the first route that matches an incident wins. */
  readonly routes: ReadonlyArray<EscalationRoute>;
  readonly defaultPolicy: string | null;
  readonly runbooks: Readonly<Record<string, Runbook>>;
  /** Alertmanager labels that name the service, first present wins. */
  readonly serviceLabels: ReadonlyArray<string>;
  /** DEFAULT_SEVERITY_TABLE extended by services.yaml's severity_map. */
  readonly severityMap: SeverityTable;
  readonly notifications: NotificationSettings;
  /** The least role that may silence alerts in Alertmanager (integrations.yaml silence_role). */
  readonly silenceRole: Role;
}
