import type { HubEvent } from '../../shared/events';
import { SendWindow } from '../../shared/send-window';

// Sends committed events to the consoles, adaptively: an event committed while the hub is quiet
// goes out at once (at the end of the commit's turn of the event loop), so a console hears of it
// in a few ms — and so do the few that follow it closely (a short burst spends credit,
// shared/send-window.ts); in a storm, once the credit is spent, events are coalesced per window,
// so consoles still get at most about 100 messages a second. The window is well under a frame.
//
// "At once" is the next microtask for a hub alone on its log: the events reach the consoles'
// sockets before the answer to the POST that made them is written, as a webhook leaves
// Alertmanager before its answer does. With several hubs it is setImmediate instead: a commit
// folds what the others wrote between reading under the write lock all hubs share and sending its
// write, all in one chain of microtasks. Writing hundreds of consoles' sockets there (a few ms of
// CPU, tens of ms on a busy machine) held every hub's commits up; after the turn, the write is
// already sent.

export const BROADCAST_WINDOW_MS = 10;

export class Broadcaster {
  private buffer: HubEvent[] = [];
  /** When the oldest event in the buffer was published (performance.now()). */
  private firstAt = 0;
  private readonly window: SendWindow;

  constructor(
    /** `waitedMs`: how long the oldest of `events` waited to be sent (metrics). */
    private readonly send: (events: HubEvent[], waitedMs: number) => void,
    options: { readonly windowMs?: number; readonly sharedLog?: boolean } = {},
  ) {
    this.window = new SendWindow({
      send: () => this.drain(),
      windowMs: options.windowMs ?? BROADCAST_WINDOW_MS,
      soon: options.sharedLog ? (run) => setImmediate(run) : queueMicrotask,
    });
  }

  publish(events: ReadonlyArray<HubEvent>): void {
    if (events.length === 0) return;
    if (this.buffer.length === 0) this.firstAt = performance.now();
    for (const event of events) this.buffer.push(event);
    this.window.poke();
  }

  /** Sends whatever is waiting now (on close, say). */
  flush(): void {
    this.window.flush();
  }

  private drain(): void {
    if (this.buffer.length === 0) return;
    const events = this.buffer;
    this.buffer = [];
    this.send(events, performance.now() - this.firstAt);
  }
}
