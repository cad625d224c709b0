import { z } from 'zod';
import { commandSchema } from '../../shared/commands';
import { alertmanagerWebhookSchema } from '../../shared/ingest/alertmanager';
import { genericChangeSchema, pagerdutyChangeSchema } from '../../shared/ingest/change-event';
import { pagerdutyEventSchema } from '../../shared/ingest/pagerduty';
import { STATISTICS_BUCKETS } from '../../shared/metrics/report';
import { ALERTMANAGER_EXAMPLE, COMMAND_EXAMPLE, PAGERDUTY_EXAMPLE } from './api-examples';

// Every route the hub serves, once: routes.ts dispatches by this table (a path it does not list is
// a 404), and openapi.ts turns it into GET /api/v1/openapi.json. Request bodies are the zod schemas
// the handlers validate with; query parameters are described here beside the parsers that read them.

/** Who may call a route (docs/security.md). */
export type RouteAuth =
  /** Anyone who passes the front door (Host, Origin). */
  | 'none'
  /** A user's token; in open local mode, this run's key. */
  | 'user'
  /** A monitoring integration's token (Alertmanager, Grafana) or a PagerDuty routing_key in the body. */
  | 'integration'
  /** A user's token, or in open local mode a direct connection from loopback (docs/metrics.md). */
  | 'scraper';

export interface RouteResponse {
  readonly description: string;
  /** JSON unless said; null for a body that is not JSON (text, CSV, HTML). */
  readonly contentType?: string;
}

export interface RouteSpec {
  readonly id: string;
  readonly method: 'GET' | 'POST';
  /** OpenAPI path template: `{name}` is one path segment. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly tag: 'monitoring' | 'console' | 'incidents' | 'catalog' | 'operations';
  readonly summary: string;
  readonly body?: z.ZodType;
  /** A body the hub accepts (on a fresh hub in open local mode, after the examples before it). */
  readonly example?: unknown;
  readonly query?: z.ZodObject;
  /** Values for path parameters that are not free text. */
  readonly pathEnums?: Readonly<Record<string, ReadonlyArray<string>>>;
  readonly ok: { readonly status: number } & RouteResponse;
  /** A second success without a body (204), and what it means. */
  readonly empty?: { readonly status: 204; readonly description: string };
  /** Answers besides `ok` and the generic errors every route may give. */
  readonly errors?: ReadonlyArray<number>;
}

const instant = z
  .string()
  .describe('ISO 8601 date or date-time; without an offset it is wall-clock time in tz (e.g. 2026-11-27).');
const timeZone = z
  .string()
  .describe('IANA time zone for from/to and the report, e.g. Europe/Berlin; UTC by default.');

const incidentJson = { status: 200, description: 'JSON' } as const;

export const ROUTES = [
  {
    id: 'healthz',
    method: 'GET',
    path: '/healthz',
    auth: 'none',
    tag: 'operations',
    summary:
      "Liveness and readiness for anyone: status, store kind, leadership, config hash, version (503 while degraded). An admin's token adds where the store is, consoles and the other hubs.",
    ok: { status: 200, description: 'Healthy.' },
    errors: [401, 429, 503],
  },
  {
    id: 'metrics',
    method: 'GET',
    path: '/metrics',
    auth: 'scraper',
    tag: 'operations',
    summary: 'Prometheus metrics of this hub (docs/metrics.md).',
    ok: { status: 200, description: 'Prometheus text exposition format 0.0.4.', contentType: 'text/plain' },
  },
  {
    id: 'openapi',
    method: 'GET',
    path: '/api/v1/openapi.json',
    auth: 'none',
    tag: 'operations',
    summary: 'This document.',
    ok: { status: 200, description: 'OpenAPI 3.1.' },
  },
  {
    id: 'ingest_alertmanager',
    method: 'POST',
    path: '/api/v1/ingest/alertmanager',
    auth: 'integration',
    tag: 'monitoring',
    summary: 'An Alertmanager (or Grafana) webhook delivery, version 4. Answered once it is durable.',
    body: alertmanagerWebhookSchema,
    example: ALERTMANAGER_EXAMPLE,
    ok: { status: 200, description: '{"status":"success"}: stored.' },
    errors: [413, 429, 503],
  },
  {
    id: 'ingest_pagerduty',
    method: 'POST',
    path: '/api/v1/ingest/pagerduty',
    auth: 'integration',
    tag: 'monitoring',
    summary: 'A PagerDuty Events API v2 event (the routing_key is the credential).',
    body: pagerdutyEventSchema,
    example: PAGERDUTY_EXAMPLE,
    ok: { status: 202, description: 'Stored; dedup_key says which incident it belongs to.' },
    errors: [413, 429, 503],
  },
  {
    id: 'ingest_pagerduty_enqueue',
    method: 'POST',
    path: '/v2/enqueue',
    auth: 'integration',
    tag: 'monitoring',
    summary: 'The same as /api/v1/ingest/pagerduty at PagerDuty’s own path, for tools that only take a host.',
    body: pagerdutyEventSchema,
    example: PAGERDUTY_EXAMPLE,
    ok: { status: 202, description: 'Stored; dedup_key says which incident it belongs to.' },
    errors: [413, 429, 503],
  },
  {
    id: 'ingest_change_pagerduty',
    method: 'POST',
    path: '/v2/change/enqueue',
    auth: 'integration',
    tag: 'monitoring',
    summary: 'A PagerDuty change event (deploy, config change, flag), at PagerDuty’s own path.',
    body: pagerdutyChangeSchema,
    ok: { status: 202, description: 'Stored as a change to its service.' },
    errors: [413, 429, 503],
  },
  {
    id: 'ingest_change',
    method: 'POST',
    path: '/api/v1/ingest/change',
    auth: 'integration',
    tag: 'monitoring',
    summary: 'A change (deploy, config, flag) to a service, with the token of a `kind: change` integration.',
    body: genericChangeSchema,
    ok: { status: 202, description: 'Stored as a change to its service.' },
    errors: [403, 413, 429, 503],
  },
  {
    id: 'session',
    method: 'GET',
    path: '/api/v1/session',
    auth: 'user',
    tag: 'console',
    summary: 'Who the token belongs to, and whether the hub runs in open local mode.',
    ok: { status: 200, description: 'The user and the mode.' },
  },
  {
    id: 'commands',
    method: 'POST',
    path: '/api/v1/commands',
    auth: 'user',
    tag: 'incidents',
    summary:
      'An operator action. Idempotent by commandId: a replay gets the first answer and changes nothing.',
    body: commandSchema,
    example: COMMAND_EXAMPLE,
    ok: { status: 200, description: '{"ok":true,"seq":…}: recorded at that seq.' },
    errors: [403, 404, 409, 503],
  },
  {
    id: 'hub',
    method: 'GET',
    path: '/api/v1/hub',
    auth: 'user',
    tag: 'console',
    summary: 'This hub: its id, where its console and ingest endpoints are, the mode, the demo.',
    ok: { status: 200, description: 'Hub information.' },
  },
  {
    id: 'escalations',
    method: 'GET',
    path: '/api/v1/escalations',
    auth: 'user',
    tag: 'incidents',
    summary: 'Escalations running now — who is paged, who is next and when — and each rotation’s on-call.',
    ok: { status: 200, description: 'Escalations and on-call.' },
  },
  {
    id: 'statistics',
    method: 'GET',
    path: '/api/v1/statistics',
    auth: 'user',
    tag: 'incidents',
    summary: 'Incidents opened in a range, counted from the event log, by day or week.',
    query: z.object({
      from: instant.optional(),
      to: instant.optional(),
      bucket: z.enum(STATISTICS_BUCKETS).optional(),
      tz: timeZone.optional(),
    }),
    ok: { status: 200, description: 'The report.' },
    errors: [503],
  },
  {
    id: 'users',
    method: 'GET',
    path: '/api/v1/users',
    auth: 'user',
    tag: 'console',
    summary: 'Everyone who can be named as commander or responder.',
    ok: { status: 200, description: 'People (no tokens).' },
  },
  {
    id: 'demo',
    method: 'POST',
    path: '/api/v1/demo',
    auth: 'user',
    tag: 'console',
    summary: 'Plays the demo outage on this hub (commander; a hub without a configuration folder).',
    body: z.object({}).describe('An empty JSON object: JSON only, so no cross-site form can send it.'),
    ok: { status: 202, description: 'Started.' },
    errors: [403, 409],
  },
  {
    id: 'incidents',
    method: 'GET',
    path: '/api/v1/incidents',
    auth: 'user',
    tag: 'incidents',
    summary: 'Incidents in memory, newest first.',
    query: z.object({ status: z.enum(['open', 'resolved', 'all']).optional().describe('open by default.') }),
    ok: { status: 200, description: 'Incident summaries.' },
  },
  {
    id: 'incidents_csv',
    method: 'GET',
    path: '/api/v1/incidents.csv',
    auth: 'user',
    tag: 'incidents',
    summary: 'Incidents opened in a range, as CSV.',
    query: z.object({ from: instant.optional(), to: instant.optional(), tz: timeZone.optional() }),
    ok: { status: 200, description: 'A CSV download.', contentType: 'text/csv' },
  },
  {
    id: 'incident_timeline',
    method: 'GET',
    path: '/api/v1/incidents/{id}/timeline.{format}',
    auth: 'user',
    tag: 'incidents',
    summary: 'An incident’s timeline as a download: Markdown, CSV, JSON or a self-contained HTML page.',
    query: z.object({ tz: timeZone.optional() }),
    pathEnums: { format: ['md', 'csv', 'json', 'html'] },
    ok: { status: 200, description: 'The timeline in the format asked for.', contentType: '*/*' },
    errors: [404],
  },
  {
    id: 'catalog',
    method: 'GET',
    path: '/api/v1/catalog',
    auth: 'user',
    tag: 'catalog',
    summary: 'Services and teams (no secrets), for consoles that compute impact themselves.',
    ok: { status: 200, description: 'The catalog.' },
  },
  {
    id: 'services',
    method: 'GET',
    path: '/api/v1/services',
    auth: 'user',
    tag: 'catalog',
    summary: 'Every service’s health and the incidents that hurt it.',
    ok: { status: 200, description: 'Services.' },
  },
  {
    id: 'incident_impact',
    method: 'GET',
    path: '/api/v1/incidents/{id}/impact',
    auth: 'user',
    tag: 'catalog',
    summary: 'The services an incident hurts downstream and the teams to tell.',
    ok: incidentJson,
    errors: [404],
  },
  {
    id: 'incident_events',
    method: 'GET',
    path: '/api/v1/incidents/{id}/events',
    auth: 'user',
    tag: 'incidents',
    summary: 'An incident’s raw events, for consoles that describe and fold them themselves.',
    ok: incidentJson,
    errors: [404],
  },
  {
    id: 'incident_runbook',
    method: 'GET',
    path: '/api/v1/incidents/{id}/runbook',
    auth: 'user',
    tag: 'incidents',
    summary: 'The runbook that applies to an incident, with its checklist steps.',
    ok: incidentJson,
    empty: {
      status: 204,
      description:
        'No runbook applies to the incident, to a caller that sends `Sitroom-No-Runbook: 204`; any other gets 404, as consoles from before 204 expect.',
    },
    errors: [404],
  },
  {
    id: 'incident_silences',
    method: 'GET',
    path: '/api/v1/incidents/{id}/silences',
    auth: 'user',
    tag: 'incidents',
    summary:
      'The active silences affecting an incident, asked of its Alertmanagers now (who made them, when they end); unreachable ones named.',
    ok: incidentJson,
    errors: [404],
  },
  {
    id: 'incident_changes',
    method: 'GET',
    path: '/api/v1/incidents/{id}/changes',
    auth: 'user',
    tag: 'incidents',
    summary: 'The changes to an incident’s services and their dependencies in the hour before it opened.',
    ok: incidentJson,
    errors: [404],
  },
  {
    id: 'service_changes',
    method: 'GET',
    path: '/api/v1/services/{id}/changes',
    auth: 'user',
    tag: 'catalog',
    summary: 'A service’s changes of the last 24 hours, newest first.',
    ok: { status: 200, description: 'The service and its changes.' },
    errors: [404],
  },
  {
    id: 'incident',
    method: 'GET',
    path: '/api/v1/incidents/{id}',
    auth: 'user',
    tag: 'incidents',
    summary: 'One incident with its alerts and timeline (brought back from the log if long resolved).',
    ok: incidentJson,
    errors: [404],
  },
] as const satisfies ReadonlyArray<RouteSpec>;

export type RouteId = (typeof ROUTES)[number]['id'];

/** The web console itself: every other GET outside /api/ serves its files (not in the table). */
export const CONSOLE_PATH = '/';

export interface RouteMatch {
  readonly route: (typeof ROUTES)[number];
  /** Path parameters, still percent-encoded (decodePathSegment decodes them). */
  readonly params: ReadonlyMap<string, string>;
}

const MATCHERS = ROUTES.map((route) => {
  const names: string[] = [];
  const pattern = route.path
    .split(/(\{[a-z]+\})/)
    .map((part) => {
      const name = /^\{([a-z]+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { route, names, regex: new RegExp(`^${pattern}$`) };
});

/** The route a request is for, or null. */
export function matchRoute(method: string, path: string): RouteMatch | null {
  for (const { route, names, regex } of MATCHERS) {
    if (route.method !== method) continue;
    const found = regex.exec(path);
    if (!found) continue;
    return { route, params: new Map(names.map((name, index) => [name, found[index + 1] ?? ''])) };
  }
  return null;
}
