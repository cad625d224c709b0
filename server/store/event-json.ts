import type { HubEvent } from '../../shared/events';

// Each committed event is JSON twice: as its row in the log, and in the live stream's batch to
// the consoles (sync/events-encoder.ts). Both are JSON.stringify of the same object, which
// nothing changes once it is numbered (the fold copies what it keeps, never edits an event), so
// the log's string is kept for the broadcast and handed over once. Only until then: the consoles'
// catch-up buffer holds tens of thousands of events, and their strings would double its memory.
// Weak, so an event that is never broadcast (its commit failed) takes its string with it.

const encoded = new WeakMap<HubEvent, string>();

/** The event as JSON, kept for the broadcast to take (the log's row). */
export function encodeEvent(event: HubEvent): string {
  const json = JSON.stringify(event);
  encoded.set(event, json);
  return json;
}

/** The event's JSON, taken from the log's row when it was written, else made now. */
export function takeEventJson(event: HubEvent): string {
  const json = encoded.get(event);
  if (json === undefined) return JSON.stringify(event);
  encoded.delete(event);
  return json;
}

/** An event that no console is sent (none is in the live stream): its string is let go of. */
export function dropEventJson(event: HubEvent): void {
  encoded.delete(event);
}
