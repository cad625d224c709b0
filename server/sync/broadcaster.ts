import type { HubEvent } from '../../shared/events';

// Coalesces committed events into short batches so an alert storm reaches consoles as a few
// messages per second, not thousands. The window is well under a frame budget for a wall display.

export const BROADCAST_WINDOW_MS = 10;

export class Broadcaster {
  private buffer: HubEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (events: HubEvent[]) => void,
    private readonly windowMs = BROADCAST_WINDOW_MS,
  ) {}

  publish(events: ReadonlyArray<HubEvent>): void {
    for (const event of events) this.buffer.push(event);
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.windowMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0) return;
    const events = this.buffer;
    this.buffer = [];
    this.send(events);
  }
}
