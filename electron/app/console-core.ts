import { FeedHost } from '../../shared/feed/feed-host';
import { HubClient } from '../../shared/hub-client';
import { Replica } from '../../shared/replica';
import { createSocketTransport } from '../../shared/socket-transport';
import { ConsoleSession } from '../auth/console-session';
import type { TokenVault } from '../auth/token-vault';
import { CommandSender } from '../commands/command-sender';
import type { ExportPipelineDeps } from '../export/export-pipeline';
import { PageFeeds } from '../replica/page-feeds';
import { createReplicaStorage, type ReplicaStores } from '../store/replica-storage';
import { createHostApi, type HostApi } from './host-api';

// What the desktop's main process runs for its pages, without Electron: the replica (the only
// fold on the console), the feeds that turn it into patches for each page, and the host API.
// start-console.ts wires these to windows and IPC; the integration tests run this very object in
// Node against a real hub, so the desktop's data path is tested where no Electron binary is.

export interface ConsoleCoreParts {
  readonly hubUrl: string;
  readonly vault: TokenVault;
  /** The token to present, read at each use; the signed-in one unless given (the embedded hub's key). */
  readonly token?: () => string | null;
  readonly clientId: string;
  /** Where the outbox and the board cache live (board-cache.json and board.json in the app). */
  readonly stores: ReplicaStores;
  readonly exports: Omit<ExportPipelineDeps, 'download'>;
  readonly notify: (title: string, body: string) => void;
  readonly log: (message: string) => void;
  /** The replica's cache-write delay (tests shorten it). */
  readonly saveDelayMs?: number;
}

export interface ConsoleCore {
  readonly replica: Replica;
  readonly feeds: PageFeeds;
  readonly api: HostApi;
  stop(): void;
}

export function createConsoleCore(parts: ConsoleCoreParts): ConsoleCore {
  const { vault, log } = parts;
  // Both read the token at each use, so signing in or out applies to the next call and connect.
  const token = parts.token ?? ((): string | null => vault.current());
  const transport = createSocketTransport({ hubUrl: parts.hubUrl, token });
  const hub = new HubClient(parts.hubUrl, token);
  // The feeds name the incidents pages have open, which the replica keeps past retention.
  let host: FeedHost | null = null;
  const replica = new Replica({
    clientId: parts.clientId,
    transport,
    storage: createReplicaStorage(parts.stores, log),
    log,
    retain: () => host?.inView() ?? [],
    ...(parts.saveDelayMs === undefined ? {} : { saveDelayMs: parts.saveDelayMs }),
  });
  host = new FeedHost(replica);
  const feeds = new PageFeeds(host);
  const api = createHostApi({
    hub,
    session: new ConsoleSession({ hub, vault, reconnect: () => replica.credentialsChanged() }),
    commands: new CommandSender({ replica }),
    exports: parts.exports,
    notify: parts.notify,
  });
  return {
    replica,
    feeds,
    api,
    stop() {
      feeds.closeAll();
      replica.stop();
    },
  };
}
