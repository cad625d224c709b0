import type { ExportResult, SitroomApi } from '../../shared/api';
import { HubClient, HubRequestError } from '../../shared/hub-client';
import type { Session } from '../../shared/protocol';
import { Replica, type ReplicaStorage } from '../../shared/replica';
import { createSocketTransport } from '../../shared/socket-transport';
import { errorMessage } from '../error-message';
import { showBrowserNotification } from '../notifications/browser-notifications';
import { saveDownload } from './browser-download';
import { persistentClientId } from './client-id';
import { createIndexedDbStorage } from './indexeddb-storage';
import { parseTimelineExport, printTimeline } from './print-timeline';
import { adoptTokenFromAddressBar, browserStorage, storageTokenStore, type TokenStore } from './web-token';

// The browser's SitroomApi: the same replica the Electron main process runs, here in the page,
// talking socket.io to the hub that served it, and the shared HubClient for everything REST.

export interface WebApiOptions {
  readonly hubUrl: string;
  /** Where the replica keeps the board and the outbox between visits; IndexedDB by default. */
  readonly storage?: ReplicaStorage;
  readonly clientId?: string;
  readonly tokens?: TokenStore;
}

/** Starts an in-page replica and exposes it, with the hub's REST API, as the SitroomApi. */
export function createWebApi(options: WebApiOptions): SitroomApi {
  const tokens = options.tokens ?? storageTokenStore(browserStorage());
  adoptTokenFromAddressBar(tokens);
  const client = new HubClient(options.hubUrl, () => tokens.read());
  const transport = createSocketTransport({ hubUrl: options.hubUrl, token: () => tokens.read() });
  const log = (message: string): void => console.warn(`[sitroom replica] ${message}`);
  const storage = options.storage ?? browserReplicaStorage(options.hubUrl, log);
  const replica = new Replica({
    clientId: options.clientId ?? persistentClientId(),
    transport,
    ...(storage ? { storage } : {}),
    log,
  });
  replica.start().catch((error: unknown) => console.error('[sitroom replica] could not start', error));
  // A reload or a closed tab must not lose the picture a pending write was about to keep.
  window.addEventListener('pagehide', () => replica.persistNow());

  return {
    subscribe: (listener) => replica.subscribe(listener),
    hubInfo: () => client.hubInfo(),
    playDemo: () => client.playDemo(),
    session: () => client.session(),
    async signIn(token) {
      const candidate = token.trim();
      const session = candidate === '' ? null : await checkToken(client, candidate);
      if (!session) throw new Error('The hub did not accept that token.');
      tokens.write(candidate);
      transport.reconnect();
      return session;
    },
    async signOut() {
      tokens.clear();
      transport.reconnect();
    },
    people: () => client.people(),
    incidentRecord: (incidentId) => client.incidentRecord(incidentId),
    // Through the replica's persistent outbox: stored (IndexedDB) before it is sent, sent over the
    // socket once live, re-sent after a dropped link (the hub de-duplicates by commandId). Offline,
    // the answer simply comes later; the action is never refused for want of a connection.
    sendCommand: (command) => replica.sendCommand(command),
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
    statistics: (query) => client.statistics(query),
    async notify(title, body) {
      showBrowserNotification(title, body);
    },
  };
}

/** IndexedDB storage for this hub, or none where the browser has no IndexedDB (the console still works). */
function browserReplicaStorage(hubUrl: string, log: (message: string) => void): ReplicaStorage | undefined {
  return typeof indexedDB === 'undefined' ? undefined : createIndexedDbStorage(new URL(hubUrl).origin, log);
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
