import type { IncomingMessage, ServerResponse } from 'node:http';
import { NO_RUNBOOK_HEADER, type RunbookView } from '../../shared/api';
import type { Incident } from '../../shared/domain';
import type { EscalationsResponse } from '../../shared/escalation/escalations-view';
import type { HubInfo, Session } from '../../shared/protocol';
import { hasRole, type User } from '../../shared/roles';
import { incidentDetail, incidentSummary } from '../api-view';
import { bearerToken, type Directory } from '../auth/directory';
import { catalogDeps, handleCatalogRoute } from '../catalog/catalog-routes';
import { type CommandService, commandStatus } from '../commands/command-service';
import { type DemoSession, DemoUnavailable } from '../demo/demo-session';
import type { HubMetrics } from '../metrics/hub-metrics';
import { sendMetrics } from '../metrics/metrics-route';
import { OptionsError } from '../options';
import { type HubGuard, requestKind } from '../security/hub-guard';
import { incidentSilences } from '../silences/incident-silences';
import type { HubState } from '../state';
import { sendStatistics } from '../statistics/statistics-route';
import { type EventLog, StoreUnavailableError } from '../store/event-log';
import type { LogFolder } from '../store/log-folder';
import type { Writer } from '../store/writer';
import { readJsonBody } from './body';
import { changesBefore, changeView, handleServiceChanges } from './change-reads';
import { handleGenericChange, handlePagerdutyChange, PAGERDUTY_CHANGE_PATH } from './change-routes';
import { HttpError, sendError, sendJson, tooManyRequests } from './errors';
import { exportDeps, handleExportRoute } from './export-routes';
import type { Health } from './healthz';
import { handleAlertmanager, handlePagerduty, type IngestContext } from './ingest-routes';
import { openApiDocument } from './openapi';
import { decodePathSegment, isPlainPath } from './path-segment';
import { refuseUnknownParameters } from './query-params';
import { matchRoute, type RouteMatch } from './route-table';
import { serveStatic } from './static-files';

// The hub's HTTP surface (docs/api.md). Ingest authenticates integrations; the console's API
// under /api/v1 needs a signed-in user; everything else is the web console.

export interface RouteContext extends IngestContext {
  readonly directory: () => Directory;
  readonly commands: CommandService;
  readonly state: HubState;
  readonly log: EventLog;
  readonly folder: Pick<LogFolder, 'recall'>;
  readonly writer: Writer;
  readonly demo: DemoSession;
  /** GET /api/v1/escalations: running escalations and who is on call. */
  escalations(): EscalationsResponse;
  readonly webDir: string;
  info(): HubInfo;
  health(): Health;
  /** Rate limits on failed sign-ins and commands (the front door does Host, Origin and the rest). */
  readonly guard: HubGuard;
  /** What GET /metrics reports. */
  readonly metrics: HubMetrics;
}

const STATUS_FILTERS = ['open', 'resolved', 'all'] as const;

const STORE_UNAVAILABLE =
  'The hub cannot store anything right now (its database is unavailable); nothing was stored. Try again shortly.';

/** Notes are at most 10,000 characters; a command body never needs more than this. */
const COMMAND_BODY_LIMIT = 64 * 1024;

export async function route(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  // A plain path (every webhook's) is its own pathname: parsing it into a URL is only needed for
  // a query, dots, escapes and the like, and then only by the console's API.
  const plain = isPlainPath(target);
  const url = plain ? null : URL.parse(target, 'http://hub');
  const path = plain ? target : (url?.pathname ?? '');
  try {
    if (!plain && url === null) throw new HttpError(400, 'invalid_path', 'The request target is not a path.');
    const match = matchRoute(method, path);
    if (match && match.route.auth !== 'user') {
      refuseUnknownParameters(match.route, url);
      switch (match.route.id) {
        case 'healthz': {
          const health = ctx.health();
          return sendJson(res, health.httpStatus, healthFor(req, ctx) ? health.detail : health.body);
        }
        case 'metrics':
          return await sendMetrics(req, res, ctx.metrics, ctx.directory());
        case 'openapi':
          return sendJson(res, 200, openApiDocument());
        case 'ingest_alertmanager':
          return await handleAlertmanager(req, res, ctx);
        case 'ingest_pagerduty':
        case 'ingest_pagerduty_enqueue':
          return await handlePagerduty(req, res, ctx);
        case 'ingest_change_pagerduty':
          return await handlePagerdutyChange(req, res, ctx);
        case 'ingest_change':
          return await handleGenericChange(req, res, ctx);
        default:
          return assertNever(match.route);
      }
    }
    if (path.startsWith('/api/v1/') && !path.startsWith('/api/v1/ingest/')) {
      return await apiRoute(req, res, ctx, method, path, url ?? new URL(target, 'http://hub'), match);
    }
    if (path.startsWith('/api/') || path === '/v2/enqueue' || path === PAGERDUTY_CHANGE_PATH) {
      throw new HttpError(404, 'not_found', `No ${method} ${path} here.`);
    }
    if (method === 'GET' || method === 'HEAD') return serveStatic(req, res, ctx.webDir, path);
    throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${path}.`);
  } catch (caught) {
    // Headers already on the way (a stream that failed midway): all that is left is to stop.
    if (res.headersSent) {
      console.error(`hub: ${method} ${path} failed after answering:`, caught);
      res.destroy();
      return;
    }
    if (caught instanceof StoreUnavailableError) {
      // Monitoring retries a 5xx: nothing was stored, and nothing may be answered 2xx unstored.
      res.setHeader('retry-after', '5');
      sendError(res, new HttpError(503, 'unavailable', STORE_UNAVAILABLE));
      return;
    }
    const error =
      caught instanceof HttpError && caught.status === 401 ? failedSignIn(req, path, caught, ctx) : caught;
    if (error instanceof HttpError) {
      if (error.status === 413) res.setHeader('connection', 'close');
      sendError(res, error);
      // The rest of an oversized body is not worth reading; a small remainder is drained so the
      // sender sees our answer instead of a reset.
      if (error.status === 413) req.resume();
      return;
    }
    console.error(`hub: ${method} ${path} failed:`, caught);
    sendError(
      res,
      new HttpError(500, 'internal', 'The hub could not handle this request; nothing was stored.'),
    );
  }
}

/**
 * Whether a /healthz caller may see the detail (where the store is, why it failed, the consoles,
 * the other hubs): an admin's token. No token is the load balancer's summary; a wrong one is a
 * failed sign-in like anywhere else, so the detail is no way around the lockout. Only a Bearer
 * header is a try at a Sitroom token: a proxy's own Basic credentials, forwarded on every probe,
 * would otherwise count as failed sign-ins and lock the proxy's address (every console) out.
 */
function healthFor(req: IncomingMessage, ctx: RouteContext): boolean {
  const token = bearerToken(req.headers.authorization);
  if (token === null) return false;
  const refused = ctx.guard.signInRefused(req);
  if (refused) throw refused;
  const user = ctx.directory().userByToken(token);
  if (!user)
    throw new HttpError(401, 'unauthorized', 'Sign in: send Authorization: Bearer <your Sitroom token>.');
  return hasRole(user.role, 'admin');
}

/** Counts a refused credential against its sender: 401, or 429 once it has guessed too often. */
function failedSignIn(req: IncomingMessage, path: string, error: HttpError, ctx: RouteContext): HttpError {
  return requestKind(path) === 'ingest'
    ? ctx.guard.ingestAuthFailed(req, error)
    : ctx.guard.consoleAuthFailed(req, error);
}

/** The console's API: every call needs a signed-in user (in open local mode, this run's key). */
async function apiRoute(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  method: string,
  path: string,
  url: URL,
  match: RouteMatch | null,
): Promise<void> {
  const directory = ctx.directory();
  const user = directory.userByToken(bearerToken(req.headers.authorization));
  if (!user)
    throw new HttpError(
      401,
      'unauthorized',
      directory.openMode
        ? 'This hub runs in open local mode: open the console with the link the hub printed (it ends in #token=…), or send that key as Authorization: Bearer <key>.'
        : 'Sign in: send Authorization: Bearer <your Sitroom token>.',
    );
  // Unknown paths answer 404 only to a signed-in caller, as before there was a table.
  if (match?.route.auth !== 'user') throw new HttpError(404, 'not_found', `No ${method} ${path} here.`);
  refuseUnknownParameters(match.route, url);
  const incidentId = (): string => {
    const id = decodePathSegment(match.params.get('id') ?? '');
    if (id === null) throw new HttpError(404, 'not_found', 'No incident has that id.');
    return id;
  };

  switch (match.route.id) {
    case 'session': {
      const { silenceRole, integrations } = ctx.config();
      const silenceApis = integrations.filter((entry) => entry.api !== null).map((entry) => entry.id);
      const session: Session = { user, openMode: directory.openMode, silenceRole, silenceApis };
      return sendJson(res, 200, session);
    }
    case 'commands': {
      const body = await readJsonBody(req, COMMAND_BODY_LIMIT);
      const allowed = ctx.guard.takeCommand(user.id);
      if (!allowed.ok) throw tooManyRequests('Too many commands from you.', allowed.retryAfterSeconds);
      const answer = await ctx.commands.execute(body, user).catch((error: unknown) => {
        if (!(error instanceof StoreUnavailableError)) throw error;
        return { ok: false, error: { code: 'unavailable', message: STORE_UNAVAILABLE } } as const;
      });
      return sendJson(res, commandStatus(answer), answer);
    }
    case 'hub':
      return sendJson(res, 200, ctx.info());
    case 'escalations':
      return sendJson(res, 200, ctx.escalations());
    case 'statistics':
      return sendStatistics(res, url, { store: ctx.log, now: () => Date.now() });
    case 'users':
      return sendJson(res, 200, { users: directory.people() });
    case 'demo':
      // JSON only, like every state-changing route: a cross-site form or fetch cannot send it.
      await readJsonBody(req, 1024);
      return await playDemo(res, ctx, user);
    case 'incidents':
      return listIncidents(res, ctx, url.searchParams.get('status'));
    case 'incidents_csv':
    case 'incident_timeline':
      if (
        !(await handleExportRoute(
          method,
          path,
          url,
          res,
          exportDeps(ctx.state, ctx.folder, ctx.log, directory),
        ))
      )
        throw unanswered();
      return;
    case 'catalog':
    case 'services':
    case 'incident_impact':
      if (!handleCatalogRoute(method, path, res, catalogDeps(ctx.state, directory))) throw unanswered();
      return;
    case 'incident_events':
      return incidentEvents(res, ctx, incidentId());
    case 'incident_runbook':
      return incidentRunbook(req, res, ctx, directory, incidentId());
    case 'incident_silences':
      return sendJson(res, 200, await incidentSilences(await knownIncident(ctx, incidentId()), ctx.config()));
    case 'incident_changes':
      return incidentChanges(res, ctx, directory, incidentId());
    case 'service_changes':
      if (!(await handleServiceChanges(method, path, res, ctx.log, Date.now()))) throw unanswered();
      return;
    case 'incident':
      return showIncident(res, ctx, directory, incidentId());
    default:
      return assertNever(match.route);
  }
}

/**
 * A route the table matched that its handler did not take: a 404 rather than a request left
 * without any answer, holding its connection open.
 */
function unanswered(): HttpError {
  return new HttpError(404, 'not_found', 'Nothing is here.');
}

function assertNever(route: never): never {
  throw new Error(`no handler for route ${JSON.stringify(route)}`);
}

async function playDemo(res: ServerResponse, ctx: RouteContext, user: User): Promise<void> {
  if (!hasRole(user.role, 'commander'))
    throw new HttpError(403, 'forbidden', 'Playing the demo needs the commander role.');
  const status = await ctx.demo.play('demo').catch((error: unknown) => {
    if (error instanceof DemoUnavailable || error instanceof OptionsError)
      throw new HttpError(409, 'conflict', error.message);
    throw error;
  });
  sendJson(res, 202, { status });
}

function listIncidents(res: ServerResponse, ctx: RouteContext, status: string | null): void {
  const filter = status ?? 'open';
  if (!(STATUS_FILTERS as ReadonlyArray<string>).includes(filter)) {
    throw new HttpError(400, 'invalid_query', 'status must be open, resolved or all.', 'status');
  }
  const incidents = [...ctx.state.incidents()]
    .filter((incident) => filter === 'all' || (filter === 'open') === (incident.status !== 'resolved'))
    .sort((a, b) => b.openedAt - a.openedAt)
    .map(incidentSummary);
  sendJson(res, 200, { incidents });
}

async function showIncident(
  res: ServerResponse,
  ctx: RouteContext,
  directory: Directory,
  id: string,
): Promise<void> {
  const incident = await knownIncident(ctx, id);
  const [timeline, changes] = await Promise.all([
    ctx.log.eventsOfIncident(id),
    changesBefore(ctx.log, directory.catalogGraph(), incident),
  ]);
  sendJson(res, 200, incidentDetail(incident, timeline, changes));
}

/** The changes to the incident's services and their dependencies in the hour before it opened. */
async function incidentChanges(
  res: ServerResponse,
  ctx: RouteContext,
  directory: Directory,
  id: string,
): Promise<void> {
  const incident = await knownIncident(ctx, id);
  const changes = await changesBefore(ctx.log, directory.catalogGraph(), incident);
  sendJson(res, 200, { incidentId: id, changes: changes.map(changeView) });
}

/** An incident from memory, or (let go of, long resolved) brought back from the log. */
async function knownIncident(ctx: RouteContext, id: string): Promise<Incident> {
  if (!ctx.state.incident(id)) await ctx.folder.recall([id]);
  const incident = ctx.state.incident(id);
  if (!incident) throw new HttpError(404, 'not_found', `There is no incident ${id}.`);
  return incident;
}

/** The incident's raw events, for consoles that describe and fold them themselves. */
async function incidentEvents(res: ServerResponse, ctx: RouteContext, id: string): Promise<void> {
  await knownIncident(ctx, id);
  sendJson(res, 200, { events: await ctx.log.eventsOfIncident(id) });
}

async function incidentRunbook(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  directory: Directory,
  id: string,
): Promise<void> {
  const runbook = directory.runbookFor(await knownIncident(ctx, id));
  if (!runbook) {
    // No runbook is an answer, not an error: 204 to a console that says it reads one, so that
    // opening such an incident does not put a failed request in the browser's console. Any other
    // caller gets the 404 it always did: a console from before 204 failed on its empty body and
    // lost the incident's timeline. An unknown incident is 404 to everyone (above).
    if (req.headers[NO_RUNBOOK_HEADER] !== '204')
      throw new HttpError(404, 'not_found', `No runbook applies to ${id}.`);
    res.writeHead(204, { 'cache-control': 'no-store', vary: NO_RUNBOOK_HEADER }).end();
    return;
  }
  const view: RunbookView = {
    name: runbook.name,
    markdown: runbook.markdown,
    steps: runbook.steps.map((step) => ({ id: step.id, text: step.text })),
  };
  sendJson(res, 200, view);
}
