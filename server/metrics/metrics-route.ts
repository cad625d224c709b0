import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, type Directory } from '../auth/directory';
import { HttpError } from '../http/errors';
import type { HubMetrics } from './hub-metrics';

// GET /metrics for Prometheus. Who may scrape (docs/metrics.md):
// - a hub with users.yaml: any user's token as `Authorization: Bearer` (give Prometheus a viewer
//   of its own, e.g. `prometheus`, and its token in `authorization.credentials_file`);
// - open local mode (no users.yaml, loopback only): a direct connection from this machine needs no
//   token, because the open-mode key changes every run and a scraper could never hold it; a request
//   that came through a proxy (it says Forwarded or X-Forwarded-For) needs the key like the API.
// Host and Origin are checked by the front door before this, as for every request.

export const METRICS_PATH = '/metrics';

export async function sendMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: HubMetrics,
  directory: Directory,
): Promise<void> {
  if (!mayScrape(req, directory))
    throw new HttpError(
      401,
      'unauthorized',
      directory.openMode
        ? 'Scrape /metrics from this machine directly, or send the open-mode key as Authorization: Bearer <key>.'
        : 'Send a Sitroom token (a viewer is enough) as Authorization: Bearer <token>.',
    );
  const text = await metrics.text();
  res.writeHead(200, {
    'content-type': metrics.contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function mayScrape(req: IncomingMessage, directory: Directory): boolean {
  if (directory.userByToken(bearerToken(req.headers.authorization)) !== null) return true;
  return directory.openMode && directFromLoopback(req);
}

function directFromLoopback(req: IncomingMessage): boolean {
  if (req.headers.forwarded !== undefined || req.headers['x-forwarded-for'] !== undefined) return false;
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address);
}
