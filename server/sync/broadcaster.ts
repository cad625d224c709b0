import type { HubEvent } from '../../shared/events';
import { SendWindow } from '../../shared/send-window';

// Sends committed events to the consoles, adaptively: an event committed while the hub is quiet
// goes out at once (the commit's microtask), so a console hears of it in a few ms; events that
// follow within the window of a send are coalesced and go out at its end, so an alert storm still
// reaches consoles as at most 100 messages a second. The window is well under a frame.

export const BROADCAST_WINDOW_MS = 10;

export class Broadcaster {
  private buffer: HubEvent[] = [];
  private readonly window: SendWindow;

  constructor(
    private readonly send: (events: HubEvent[]) => void,
    windowMs = BROADCAST_WINDOW_MS,
  ) {
    this.window = new SendWindow({ send: () => this.drain(), windowMs });
  }

  publish(events: ReadonlyArray<HubEvent>): void {
    if (events.length === 0) return;
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
    this.send(events);
  }
}
