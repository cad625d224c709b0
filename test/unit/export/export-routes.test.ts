import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError, sendError, sendJson } from '../../../server/http/errors';
import { type ExportDeps, handleExportRoute } from '../../../server/http/export-routes';
import type { Incident } from '../../../shared/domain';
import type { HubEvent } from '../../../shared/events';
import { timelineMarkdown } from '../../../shared/export/markdown';
import { foldIncident, handWorkedEvents, numberEvents, T0 } from './timeline-fixture';

// The export routes behind a real HTTP server, wired the way routes.ts wires them: HttpErrors
// become JSON errors, a request the routes do not handle falls through.

const timeline = handWorkedEvents();
const older = numberEvents(
  [
    {
      type: 'incident_opened',
      incidentId: 'INC-0',
      at: Date.UTC(2026, 10, 26, 23, 30),
      actor: { kind: 'integration', id: 'prom' },
      title: 'Yesterday in UTC, today in Berlin',
      severity: 'sev4',
      source: 'alertmanager',
      groupKey: 'g0',
    },
  ],
  500,
);
const incidents = new Map<string, Incident>([
  ['INC-1', foldIncident(timeline)],
  ['INC-0', foldIncident(older, 'INC-0')],
]);
const deps: ExportDeps = {
  incident: (id) => incidents.get(id),
  timeline: (id): HubEvent[] => (id === 'INC-1' ? timeline : older),
  incidents: () => incidents.values(),
  now: () => T0 + 86_400_000,
};

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    try {
      if (!(await handleExportRoute(req.method ?? 'GET', url.pathname, url, res, deps))) {
        sendJson(res, 418, { unhandled: true });
      }
    } catch (error) {
      if (error instanceof HttpError) sendError(res, error);
      else throw error;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);

describe('GET /api/v1/incidents/:id/timeline.*', () => {
  it('downloads each format with its content type and a filename', async () => {
    const expected = {
      md: 'text/markdown; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
      json: 'application/json',
      html: 'text/html; charset=utf-8',
    };
    for (const [extension, contentType] of Object.entries(expected)) {
      const response = await get(`/api/v1/incidents/INC-1/timeline.${extension}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(contentType);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="INC-1-timeline.${extension}"`,
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await response.text()).length).toBeGreaterThan(100);
    }
  });

  it('gives the HTML its CSP as a header too', async () => {
    const response = await get('/api/v1/incidents/INC-1/timeline.html');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
  });

  it('formats times in ?tz=, UTC by default', async () => {
    const berlin = await (await get('/api/v1/incidents/INC-1/timeline.md?tz=Europe/Berlin')).text();
    expect(berlin).toBe(
      timelineMarkdown(incidents.get('INC-1') as Incident, timeline, {
        timeZone: 'Europe/Berlin',
        now: deps.now(),
      }),
    );
    expect(await (await get('/api/v1/incidents/INC-1/timeline.md')).text()).toContain(
      '2026-11-27 04:23:52 UTC',
    );
  });

  it('answers 400 naming tz for an unknown zone, and 404 for an unknown incident', async () => {
    const badZone = await get('/api/v1/incidents/INC-1/timeline.csv?tz=Mars/Olympus');
    expect(badZone.status).toBe(400);
    expect(await badZone.json()).toEqual({
      error: { code: 'invalid_query', message: expect.stringContaining('Mars/Olympus'), path: 'tz' },
    });
    for (const id of ['INC-404', '%E0%A4%A']) {
      const missing = await get(`/api/v1/incidents/${id}/timeline.json`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('leaves other methods and paths to the rest of the router', async () => {
    expect((await get('/api/v1/incidents/INC-1/timeline.md', { method: 'POST' })).status).toBe(418);
    expect((await get('/api/v1/incidents/INC-1')).status).toBe(418);
  });

  it('answers a format it does not make with 404 naming the format', async () => {
    // Left to the router, a matched route nobody answered held its connection open.
    const pdf = await get('/api/v1/incidents/INC-1/timeline.pdf');
    expect(pdf.status).toBe(404);
    expect(((await pdf.json()) as { error: { path: string } }).error.path).toBe('format');
  });
});

describe('GET /api/v1/incidents.csv', () => {
  const ids = async (query: string): Promise<string[]> => {
    const response = await get(`/api/v1/incidents.csv${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="incidents.csv"');
    const lines = (await response.text()).split('\r\n').slice(1, -1);
    return lines.map((line) => line.split(',')[0] ?? '');
  };

  it('lists incidents opened in [from, to), oldest first', async () => {
    expect(await ids('')).toEqual(['INC-0', 'INC-1']);
    expect(await ids('?from=2026-11-27T00:00:00Z')).toEqual(['INC-1']);
    expect(await ids('?to=2026-11-27T04:23:52Z')).toEqual(['INC-0']);
    // Midnight in Berlin is 23:00 UTC the day before, so INC-0 (23:30 UTC) is on the 27th there.
    expect(await ids('?from=2026-11-27&tz=Europe/Berlin')).toEqual(['INC-0', 'INC-1']);
  });

  it('answers 400 naming from, to or tz', async () => {
    for (const [query, path] of [
      ['?from=yesterday', 'from'],
      ['?to=2026-13-01', 'to'],
      ['?from=2026-11-28&to=2026-11-27', 'to'],
      ['?tz=Not/AZone', 'tz'],
    ]) {
      const response = await get(`/api/v1/incidents.csv${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { path: string } }).error.path).toBe(path);
    }
  });
});
