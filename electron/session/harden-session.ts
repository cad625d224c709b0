import type { Session } from 'electron';
import { contentSecurityPolicy, withSecurityHeaders } from '../security/content-security-policy';

/**
 * No web permission is ever granted (camera, notifications via the web API, geolocation, …): the
 * console needs none, and notifications come from the main process. The CSP header is the second
 * line behind the renderer's <meta> CSP.
 */
export function hardenSession(session: Session, hubUrl: string | null, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied a ${permission} permission request`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  const csp = contentSecurityPolicy(hubUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders ?? {}, csp) });
  });
}
