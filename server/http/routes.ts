import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubInfo } from '../../shared/protocol';
import { incidentDetail, incidentSummary } from '../api-view';
import type { DemoPlayer } from '../demo/demo-player';
import type { HubState } from '../state';
import type { EventStore } from '../store/event-store';
import type { Writer } from '../store/writer';
import { HttpError, sendError, sendJson } from './errors';
import { handleAlertmanager, handlePagerduty } from './ingest-routes';
import { serveStatic } from './static-files';

// The hub's HTTP surface (CONTRACT.md). A small table of routes; anything else under /api is a
// JSON 404 and everything else is the web console.

export interface RouteContext {
  readonly state: HubState;
  readonly store: EventStore;
  readonly writer: Writer;
  readonly demo: DemoPlayer;
  readonly webDir: string;
  info(): HubInfo;
  isReady(): boolean;
}

const STATUS_FILTERS = ['open', 'resolved', 'all'] as const;

export async function route(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://hub');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  try {
    if (path === '/healthz' && method === 'GET') {
      if (ctx.isReady()) sendJson(res, 200, { status: 'ok' });
      else sendJson(res, 503, { status: 'starting' });
      return;
    }
    if (method === 'POST' && path === '/api/v1/ingest/alertmanager')
      return await handleAlertmanager(req, res, ctx.writer);
    if (method === 'POST' && (path === '/v2/enqueue' || path === '/api/v1/ingest/pagerduty')) {
      return await handlePagerduty(req, res, ctx.writer);
    }
    if (method === 'GET' && path === '/api/v1/hub') return sendJson(res, 200, ctx.info());
    if (method === 'POST' && path === '/api/v1/demo') {
      const started = ctx.demo.play();
      return sendJson(res, 202, { status: started ? 'started' : 'already_running' });
    }
    if (method === 'GET' && path === '/api/v1/incidents')
      return listIncidents(res, ctx, url.searchParams.get('status'));
    const detail = /^\/api\/v1\/incidents\/([^/]+)$/.exec(path);
    if (method === 'GET' && detail) return showIncident(res, ctx, decodeURIComponent(detail[1] ?? ''));
    if (path.startsWith('/api/') || path === '/v2/enqueue') {
      throw new HttpError(404, 'not_found', `No ${method} ${path} here.`);
    }
    if (method === 'GET' || method === 'HEAD') return serveStatic(req, res, ctx.webDir, path);
    throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${path}.`);
  } catch (error) {
    if (error instanceof HttpError) {
      if (error.status === 413) res.setHeader('connection', 'close');
      sendError(res, error);
      // The rest of an oversized body is not worth reading; a small remainder is drained so the
      // sender sees our answer instead of a reset.
      if (error.status === 413) req.resume();
      return;
    }
    console.error(`hub: ${method} ${path} failed:`, error);
    sendError(
      res,
      new HttpError(500, 'internal', 'The hub could not handle this request; nothing was stored.'),
    );
  }
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

function showIncident(res: ServerResponse, ctx: RouteContext, id: string): void {
  const incident = ctx.state.incident(id);
  if (!incident) throw new HttpError(404, 'not_found', `There is no incident ${id}.`);
  sendJson(res, 200, incidentDetail(incident, ctx.store.eventsOfIncident(id)));
}
