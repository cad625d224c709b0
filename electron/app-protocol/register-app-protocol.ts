import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';
import { APP_SCHEME } from '../security/app-origin';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { resolveAppAsset } from './resolve-asset';

/** The scheme's privileges; must be registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
} as const;

/** Serves the web build (dist/web) on sitroom://console with the CSP on every response. */
export function serveAppProtocol(protocol: Protocol, net: Net, webRoot: string, hubUrl: string | null): void {
  const csp = contentSecurityPolicy(hubUrl);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(request.url, webRoot);
    if (file === null) return new Response('Not found', { status: 404 });
    let response: Response;
    try {
      response = await net.fetch(pathToFileURL(file).href);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
