import type { ExportResult, SitroomApi } from '../../shared/api';
import { HubClient, HubRequestError } from '../../shared/hub-client';
import type { Session } from '../../shared/protocol';
import { errorMessage } from '../error-message';
import { showBrowserNotification } from '../notifications/browser-notifications';
import { saveDownload } from './browser-download';
import { persistentClientId } from './client-id';
import { parseTimelineExport, printTimeline } from './print-timeline';
import {
  adoptTokenFromAddressBar,
  browserStorage,
  storageTokenStore,
  TOKEN_STORAGE_KEY,
  type TokenStore,
} from './web-token';
import { openConsoleWorker } from './worker/open-console-worker';
import { connectWorkerClient } from './worker/worker-client';
import type { WorkerPort } from './worker/worker-protocol';

// The browser's SitroomApi: the replica runs in the console's worker (shared by the profile's
// tabs where the browser has SharedWorker), the page gets patches from it and sends actions
// through it; everything REST goes from the page through the shared HubClient.

export interface WebApiOptions {
  readonly hubUrl: string;
  readonly clientId?: string;
  readonly tokens?: TokenStore;
  /** The worker to talk to; the console's own SharedWorker (or dedicated worker) by default. */
  readonly worker?: WorkerPort;
}

/** Connects to the console worker and exposes it, with the hub's REST API, as the SitroomApi. */
export function createWebApi(options: WebApiOptions): SitroomApi {
  const tokens = options.tokens ?? storageTokenStore(browserStorage());
  adoptTokenFromAddressBar(tokens);
  const client = new HubClient(options.hubUrl, () => tokens.read());
  const worker = connectWorkerClient(
    options.worker ?? openConsoleWorker(),
    {
      hubUrl: options.hubUrl,
      clientId: options.clientId ?? persistentClientId(),
      token: tokens.read(),
    },
    // A tab that crashes or is killed never says bye: the worker learns it from this lock.
    typeof navigator !== 'undefined' && navigator.locks ? { locks: navigator.locks } : {},
  );
  // For support (type it in the devtools console) and the tests: what the console's worker serves.
  Object.defineProperty(globalThis, 'sitroomWorkerDiagnostics', {
    value: () => worker.diagnostics(),
    configurable: true,
  });
  // A worker has no localStorage: the page hands it the token, also when another tab of the
  // profile signed in or out (the storage event fires in the tabs that did not write).
  window.addEventListener('storage', (event) => {
    if (event.key !== TOKEN_STORAGE_KEY && event.key !== null) return;
    // Signed out elsewhere: this tab forgets the token too (its store may keep a copy in memory).
    if (event.key === null || event.newValue === null) tokens.clear();
    worker.setToken(tokens.read());
  });
  // A closed tab must not lose the picture a pending write was about to keep (a page kept in
  // the back-forward cache keeps its feeds).
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) worker.bye();
  });

  return {
    subscribe: (listener, view) => worker.subscribe(listener, view),
    hubInfo: () => client.hubInfo(),
    playDemo: () => client.playDemo(),
    session: () => client.session(),
    async signIn(token) {
      const candidate = token.trim();
      const session = candidate === '' ? null : await checkToken(client, candidate);
      if (!session) throw new Error('The hub did not accept that token.');
      tokens.write(candidate);
      worker.setToken(candidate);
      return session;
    },
    async signOut() {
      tokens.clear();
      worker.setToken(null);
    },
    people: () => client.people(),
    incidentRecord: (incidentId) => client.incidentRecord(incidentId),
    incidentSilences: (incidentId) => client.incidentSilences(incidentId),
    sendCommand: (command) => worker.sendCommand(command),
    dismissRejected: (commandId) => worker.dismissRejected(commandId),
    async exportTimeline(incidentId, format, timeZone): Promise<ExportResult> {
      if (format === 'pdf') {
        const json = await client.downloadTimeline(incidentId, 'json', timeZone);
        printTimeline(parseTimelineExport(json.text));
        // The print dialog does not tell the page whether the person saved or cancelled.
        return { saved: true, location: 'the print dialog' };
      }
      const file = await client.downloadTimeline(incidentId, format, timeZone);
      saveDownload(file);
      return { saved: true, location: file.filename };
    },
    escalations: () => client.escalations(),
    catalog: () => client.catalog(),
    serviceChanges: (serviceId) => client.serviceChanges(serviceId),
    statistics: (query) => client.statistics(query),
    async notify(title, body) {
      showBrowserNotification(title, body);
    },
  };
}

/** The session a token opens, or null if refused; a hub we cannot reach is said plainly. */
async function checkToken(client: HubClient, token: string): Promise<Session | null> {
  try {
    return await client.session(token);
  } catch (error) {
    if (error instanceof HubRequestError) throw error;
    throw new Error(`Could not reach the hub to check the token. (${errorMessage(error)})`);
  }
}
