import type { FeedSubscription } from '../../../shared/api';
import type { Command, CommandAnswer } from '../../../shared/commands';
import { assertNever } from '../../../shared/domain';
import type { BoardPatch } from '../../../shared/feed/patch';
import type { FeedView } from '../../../shared/feed/projection';
import {
  PAGE_LOCK_PREFIX,
  type PageMessage,
  type WorkerDiagnostics,
  type WorkerMessage,
  type WorkerPort,
} from './worker-protocol';

// The page's end of the console worker: feeds and commands over one port. The same subscribe
// contract as the desktop's preload bridge: every subscribe is its own feed, starting with the
// whole picture; closing one leaves the others alone.

export interface WorkerClient {
  subscribe(listener: (batch: ReadonlyArray<BoardPatch>) => void, view: FeedView): FeedSubscription;
  sendCommand(command: Command): Promise<CommandAnswer>;
  /** The operator read this refusal: the worker forgets it, for every tab. */
  dismissRejected(commandId: string): Promise<void>;
  /** Hands the worker the page's token (after sign-in or sign-out here or in another tab). */
  setToken(token: string | null): void;
  /** The page is going away: the worker keeps the picture now and closes this page's feeds. */
  bye(): void;
  /** How many pages and feeds the worker serves now. */
  diagnostics(): Promise<WorkerDiagnostics>;
}

export interface WorkerClientOptions {
  /**
   * The page's Web Locks (none: outside a secure context). The page holds a lock of its own for
   * as long as it lives, and names it to the worker, which learns from it that the page died.
   */
  readonly locks?: Pick<LockManager, 'request'>;
}

export function connectWorkerClient(
  port: WorkerPort,
  hello: { readonly hubUrl: string; readonly clientId: string; readonly token: string | null },
  options: WorkerClientOptions = {},
): WorkerClient {
  const feeds = new Map<number, (batch: ReadonlyArray<BoardPatch>) => void>();
  const answers = new Map<
    number,
    { readonly resolve: (answer: CommandAnswer) => void; readonly reject: (error: Error) => void }
  >();
  let nextFeed = 1;
  let nextCall = 1;
  const diagnostics = new Map<number, (answer: WorkerDiagnostics) => void>();
  const post = (message: PageMessage): void => port.postMessage(message);

  port.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    switch (message.kind) {
      case 'patches':
        // Closed meanwhile: its last batch is no longer wanted.
        feeds.get(message.feedId)?.(message.patches);
        return;
      case 'answer':
        answers.get(message.callId)?.resolve(message.answer);
        answers.delete(message.callId);
        return;
      case 'diagnostics':
        diagnostics.get(message.callId)?.({ pages: message.pages, feeds: message.feeds });
        diagnostics.delete(message.callId);
        return;
      case 'refused':
        console.error(`[sitroom] the console worker refused a message: ${message.reason}`);
        if (message.callId !== undefined) {
          // As main answers a refused IPC call: the action fails, saying so, and is not queued.
          answers
            .get(message.callId)
            ?.reject(new Error(`The console refused this action (${message.reason}).`));
          answers.delete(message.callId);
        }
        return;
      default:
        assertNever(message);
    }
  });
  port.start?.();
  post({ kind: 'hello', ...hello });
  if (options.locks) {
    const lock = `${PAGE_LOCK_PREFIX}${randomName()}`;
    // Named to the worker only once held, so the worker's request queues behind it; held until
    // the page is gone (closed, crashed or killed: the browser lets go of it then).
    options.locks
      .request(lock, () => {
        post({ kind: 'alive', lock });
        return new Promise<never>(() => {});
      })
      .catch((error: unknown) => console.warn(`[sitroom] no page lock: ${String(error)}`));
  }

  return {
    subscribe(listener, view) {
      const feedId = nextFeed++;
      feeds.set(feedId, listener);
      post({ kind: 'open', feedId, view });
      return {
        setView: (next) => {
          if (feeds.has(feedId)) post({ kind: 'view', feedId, view: next });
        },
        close: () => {
          if (feeds.delete(feedId)) post({ kind: 'close', feedId });
        },
      };
    },
    sendCommand(command) {
      const callId = nextCall++;
      // Through the worker replica's persistent outbox: stored before it is sent, sent once live,
      // re-sent after a dropped link. Offline, the answer simply comes later.
      const answer = new Promise<CommandAnswer>((resolve, reject) =>
        answers.set(callId, { resolve, reject }),
      );
      post({ kind: 'command', callId, command });
      return answer;
    },
    // Posted in order after the page's other messages: nothing to wait for.
    dismissRejected: async (commandId) => post({ kind: 'dismiss', commandId }),
    setToken: (token) => post({ kind: 'token', token }),
    bye: () => post({ kind: 'bye' }),
    diagnostics() {
      const callId = nextCall++;
      const answer = new Promise<WorkerDiagnostics>((resolve) => diagnostics.set(callId, resolve));
      post({ kind: 'diagnostics', callId });
      return answer;
    },
  };
}

/** 32 random letters and digits (crypto.randomUUID needs a secure context; this does not). */
function randomName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
