import type { HubEvent } from '../../shared/events';
import { SendWindow } from '../../shared/send-window';

// Sends committed events to the consoles, adaptively: an event committed while the hub is quiet
// goes out at once (the commit's microtask), so a console hears of it in a few ms; events that
// follow within the window of a send are coalesced and go out at its end, so an alert storm still
// reaches consoles as at most 100 messages a second. The window is well under a frame.

export const BROADCAST_WINDOW_MS = 10;

export class Broadcaster {
  private buffer: HubEvent[] = [];
  /** When the oldest event in the buffer was published (performance.now()). */
  private firstAt = 0;
  private readonly window: SendWindow;

  constructor(
    /** `waitedMs`: how long the oldest of `events` waited to be sent (metrics). */
    private readonly send: (events: HubEvent[], waitedMs: number) => void,
    windowMs = BROADCAST_WINDOW_MS,
  ) {
    this.window = new SendWindow({ send: () => this.drain(), windowMs });
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
