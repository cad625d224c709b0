import { z } from 'zod';
import {
  type ExportFormat,
  type IncidentRecord,
  NO_RUNBOOK_HEADER,
  type Person,
  type RunbookView,
} from './api';
import { CHANGE_KINDS, type Change } from './changes/change';
import type { Command, CommandAnswer } from './commands';
import { SEVERITIES } from './domain';
import type { EscalationsResponse } from './escalation/escalations-view';
import type { HubEvent } from './events';
import { type Catalog, catalogSchema } from './impact/catalog';
import type { StatisticsQuery, StatisticsReport } from './metrics/report';
import { statisticsReportSchema } from './metrics/report-schema';
import type { HubInfo, Session } from './protocol';
import { ROLES } from './roles';
import type { IncidentSilences } from './silences/silence-view';
import { incidentSilencesSchema } from './silences/silence-view';

// The hub's REST API as both hosts call it (the browser page and the Electron main process):
// global fetch exists in both. Answers are parsed, not trusted — a console may meet an older or
// newer hub — and failures carry the hub's own explanation.

export const HUB_ROUTES = {
  info: '/api/v1/hub',
  demo: '/api/v1/demo',
  session: '/api/v1/session',
  users: '/api/v1/users',
  commands: '/api/v1/commands',
  escalations: '/api/v1/escalations',
  catalog: '/api/v1/catalog',
  statistics: '/api/v1/statistics',
  incident: (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`,
  incidentEvents: (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}/events`,
  incidentRunbook: (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}/runbook`,
  incidentChanges: (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}/changes`,
  serviceChanges: (id: string) => `/api/v1/services/${encodeURIComponent(id)}/changes`,
  incidentSilences: (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}/silences`,
  timelineExport: (id: string, format: Exclude<ExportFormat, 'pdf'>, timeZone: string) =>
    `/api/v1/incidents/${encodeURIComponent(id)}/timeline.${format}?tz=${encodeURIComponent(timeZone)}`,
} as const;

const hubInfoSchema = z.object({
  hubId: z.string(),
  consoleUrl: z.string(),
  ingest: z.object({ alertmanager: z.string(), pagerduty: z.string(), pagerdutyEnqueue: z.string() }),
  openMode: z.boolean(),
  demoRunning: z.boolean(),
  demoAvailable: z.boolean(),
}) satisfies z.ZodType<HubInfo>;

const personSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });
const sessionSchema = z.object({
  user: personSchema,
  openMode: z.boolean(),
  silenceRole: z.enum(ROLES).optional(),
  silenceApis: z.array(z.string()).optional(),
}) satisfies z.ZodType<Session>;
const runbookSchema = z.object({
  name: z.string(),
  markdown: z.string(),
  steps: z.array(z.object({ id: z.string(), text: z.string() })),
}) satisfies z.ZodType<RunbookView>;
// Events are checked for their envelope; their bodies come from the hub's own log and are
// folded by the shared reducer, which ignores what it does not know.
const eventsSchema = z.object({
  events: z.array(
    z.looseObject({ seq: z.number(), type: z.string(), incidentId: z.string(), at: z.number() }),
  ),
});
const isoOrNull = z.string().nullable();
// Changes are outside text: the view renders them as text and their links through SafeLink.
const changesSchema = z.object({
  changes: z.array(
    z.object({
      id: z.string(),
      service: z.string(),
      kind: z.enum(CHANGE_KINDS),
      summary: z.string(),
      by: z.string().nullable(),
      at: z.iso.datetime({ offset: true }).transform((at) => Date.parse(at)),
      source: z.string().nullable(),
      links: z.array(z.object({ href: z.string(), text: z.string() })),
    }),
  ),
});
const escalationsSchema = z.object({
  escalations: z.array(
    z.object({
      incidentId: z.string(),
      title: z.string(),
      severity: z.enum(SEVERITIES),
      policyId: z.string(),
      level: z.number(),
      levels: z.number(),
      cycle: z.number(),
      pagedUserIds: z.array(z.string()),
      // Absent from a hub older than the console: then nobody is marked, as before.
      unreachableUserIds: z.array(z.string()).default([]),
      pagedAt: isoOrNull,
      next: z
        .object({
          level: z.number(),
          cycle: z.number(),
          userIds: z.array(z.string()),
          teams: z.array(z.string()),
          unreachableUserIds: z.array(z.string()).default([]),
          at: z.string(),
        })
        .nullable(),
    }),
  ),
  oncall: z.array(
    z.object({
      rotationId: z.string(),
      timezone: z.string(),
      userId: z.string(),
      since: isoOrNull,
      until: isoOrNull,
      nextUserId: z.string().nullable(),
    }),
  ),
}) satisfies z.ZodType<EscalationsResponse>;
const errorSchema = z.object({ error: z.object({ message: z.string(), code: z.string().optional() }) });

/** A refusal from the hub, with its HTTP status and the hub's explanation. */
export class HubRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface DownloadedExport {
  readonly filename: string;
  readonly contentType: string;
  readonly text: string;
}

export class HubClient {
  constructor(
    private readonly hubUrl: string,
    private readonly token: () => string | null = () => null,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async hubInfo(): Promise<HubInfo> {
    return hubInfoSchema.parse(await (await this.call('GET', HUB_ROUTES.info)).json());
  }

  async playDemo(): Promise<void> {
    // A JSON body, as every state-changing route wants: a cross-site form cannot send one.
    await (await this.call('POST', HUB_ROUTES.demo, {})).body?.cancel();
  }

  /** The signed-in user, or null when the hub refuses this console's token (or it has none). */
  async session(token = this.token()): Promise<Session | null> {
    try {
      return sessionSchema.parse(await (await this.call('GET', HUB_ROUTES.session, undefined, token)).json());
    } catch (error) {
      if (error instanceof HubRequestError && error.status === 401) return null;
      throw error;
    }
  }

  async people(): Promise<ReadonlyArray<Person>> {
    const body = z
      .object({ users: z.array(personSchema) })
      .parse(await (await this.call('GET', HUB_ROUTES.users)).json());
    return body.users;
  }

  async incidentRecord(incidentId: string): Promise<IncidentRecord> {
    const [events, runbook, changes] = await Promise.all([
      this.call('GET', HUB_ROUTES.incidentEvents(incidentId)).then(async (response) =>
        eventsSchema.parse(await response.json()),
      ),
      this.runbook(incidentId),
      this.changesAt(HUB_ROUTES.incidentChanges(incidentId)),
    ]);
    return { events: events.events as unknown as ReadonlyArray<HubEvent>, runbook, changes };
  }

  private async runbook(incidentId: string): Promise<RunbookView | null> {
    try {
      // Saying it reads 204: without the header the hub answers 404, for consoles from before.
      const response = await this.call(
        'GET',
        HUB_ROUTES.incidentRunbook(incidentId),
        undefined,
        this.token(),
        false,
        [NO_RUNBOOK_HEADER, '204'],
      );
      if (response.status === 204) return null;
      return runbookSchema.parse(await response.json());
    } catch (error) {
      // A hub before 204 answered 404 when no runbook applied.
      if (error instanceof HubRequestError && error.status === 404) return null;
      throw error;
    }
  }

  /** A service's changes of the last day, newest first. */
  serviceChanges(serviceId: string): Promise<ReadonlyArray<Change>> {
    return this.changesAt(HUB_ROUTES.serviceChanges(serviceId));
  }

  /** Changes from `path`; none from a hub too old to know them (404). */
  private async changesAt(path: string): Promise<ReadonlyArray<Change>> {
    try {
      return changesSchema.parse(await (await this.call('GET', path)).json()).changes;
    } catch (error) {
      if (error instanceof HubRequestError && error.status === 404) return [];
      throw error;
    }
  }

  async incidentSilences(incidentId: string): Promise<IncidentSilences> {
    return incidentSilencesSchema.parse(
      await (await this.call('GET', HUB_ROUTES.incidentSilences(incidentId))).json(),
    );
  }

  async escalations(): Promise<EscalationsResponse> {
    return escalationsSchema.parse(await (await this.call('GET', HUB_ROUTES.escalations)).json());
  }

  /** The service catalog (services, teams, dependencies); consoles recompute impact from it. */
  async catalog(): Promise<Catalog> {
    return catalogSchema.parse(await (await this.call('GET', HUB_ROUTES.catalog)).json());
  }

  /** Statistics of the incidents opened in [from, to), bucketed by day or week in the query's zone. */
  async statistics(query: StatisticsQuery): Promise<StatisticsReport> {
    const params = new URLSearchParams({
      from: new Date(query.from).toISOString(),
      to: new Date(query.to).toISOString(),
      bucket: query.bucket,
      tz: query.timeZone,
    });
    const response = await this.call('GET', `${HUB_ROUTES.statistics}?${params}`);
    return statisticsReportSchema.parse(await response.json());
  }

  /** POST /api/v1/commands: the HTTP path for a command (consoles normally use the socket). */
  async command(command: Command): Promise<CommandAnswer> {
    const response = await this.call('POST', HUB_ROUTES.commands, command, this.token(), true);
    // 401, 413 and 429 use the general error shape: they are not answers to the command.
    if (response.status === 401 || response.status === 413 || response.status === 429) {
      throw new HubRequestError(response.status, await explain(response, 'POST /api/v1/commands'));
    }
    return (await response.json()) as CommandAnswer;
  }

  async downloadTimeline(
    incidentId: string,
    format: Exclude<ExportFormat, 'pdf'>,
    timeZone: string,
  ): Promise<DownloadedExport> {
    const response = await this.call('GET', HUB_ROUTES.timelineExport(incidentId, format, timeZone));
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${incidentId}-timeline.${format}`;
    return {
      filename,
      contentType: response.headers.get('content-type') ?? 'text/plain',
      text: await response.text(),
    };
  }

  private async call(
    method: 'GET' | 'POST',
    route: string,
    body?: unknown,
    token = this.token(),
    acceptAnyStatus = false,
    /** One more request header, as [name, value]. */
    extraHeader?: readonly [string, string],
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (extraHeader) headers[extraHeader[0]] = extraHeader[1];
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetchImpl(new URL(route, this.hubUrl).href, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
    if (response.ok || acceptAnyStatus) return response;
    throw new HubRequestError(response.status, await explain(response, `${method} ${route}`));
  }
}

async function explain(response: Response, what: string): Promise<string> {
  const fallback = `${what}: the hub answered ${response.status}`;
  try {
    const parsed = errorSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.error.message : fallback;
  } catch {
    return fallback;
  }
}
