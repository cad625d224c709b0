import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { sendJson } from './errors';
import { decodePathSegment } from './path-segment';

// Serves the web build of the console (dist/web) to browsers and wall displays.

const TYPES = new Map<string, string>(
  Object.entries({
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.woff2': 'font/woff2',
    '.webmanifest': 'application/manifest+json',
    '.mp3': 'audio/mpeg',
    '.ogg': 'audio/ogg',
  }),
);

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  webDir: string,
  pathname: string,
): void {
  // A malformed path is the sender's fault whether or not the console is built: answer 400 first.
  const decoded = decodePathSegment(pathname);
  if (decoded === null || decoded.includes('\0')) {
    sendJson(res, 400, { error: { code: 'invalid_path', message: 'The path has a malformed %-escape.' } });
    return;
  }
  const root = resolve(webDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    sendJson(res, 503, {
      error: {
        code: 'console_not_built',
        message: `The web console is not built (no ${indexFile}). Run: npm run build:web`,
      },
    });
    return;
  }
  let file = resolve(join(root, normalize(decoded)));
  if (file !== root && !file.startsWith(root + sep)) file = indexFile; // no escaping the web root
  if (!existsSync(file) || statSync(file).isDirectory()) file = indexFile; // the console is one page
  const isAsset = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES.get(extname(file)) ?? 'application/octet-stream',
    // Vite's hashed assets never change; the page itself must always be fresh.
    'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...SECURITY_HEADERS,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
