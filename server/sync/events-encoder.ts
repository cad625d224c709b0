import type { Server } from 'socket.io';
import type { HubEvent } from '../../shared/events';
import { takeEventJson } from '../store/event-json';

// socket.io checks every packet it sends for binary data before encoding it (socket.io-parser's
// hasBinary), which walks every key of every event in a broadcast; in a storm that walk and the
// JSON it then writes were 4 % of the hub's busy time. The live stream's batches are committed
// events, which are JSON through and through (they came from JSON and go to the log as JSON),
// so they are encoded as text straight away: the same string the default encoder writes for
// them. Each event's own JSON is the one its log row was written with (store/event-json.ts), so
// an event is turned into JSON once, not twice. Every other packet goes the default way.

/** socket.io-parser's EVENT packet type. */
const EVENT = 2;

/** How a batch's JSON begins: `events` is its first key (sync-server.ts builds it so). */
const EVENTS_OPEN = '{"events":[';

interface Packet {
  readonly type: number;
  readonly data?: unknown;
}

interface TextEncoderLike {
  /** JSON.stringify's replacer, when the server was given one: then the default way only. */
  readonly replacer?: unknown;
  encode(packet: Packet): unknown[];
  encodeAsString(packet: Packet): string;
}

/** Encodes `eventName` packets on `io` as text without looking for binary data in them. */
export function encodeAsText(io: Server, eventName: string): void {
  const encoder = io.encoder as unknown as TextEncoderLike;
  const encode = encoder.encode.bind(encoder);
  const name = JSON.stringify(eventName);
  encoder.encode = (packet: Packet) => {
    if (!(packet.type === EVENT && Array.isArray(packet.data) && packet.data[0] === eventName))
      return encode(packet);
    return [batchText(encoder, packet, packet.data, name) ?? encoder.encodeAsString(packet)];
  };
}

/**
 * `2["name",{"events":[…],…}]` with each event's JSON as the log wrote it, or null for a packet
 * of another shape (which the default encoder writes instead).
 */
function batchText(
  encoder: TextEncoderLike,
  packet: Packet,
  data: ReadonlyArray<unknown>,
  name: string,
): string | null {
  const batch = data[1];
  if (data.length !== 2 || encoder.replacer != null || typeof batch !== 'object' || batch === null)
    return null;
  const events = (batch as { events?: unknown }).events;
  if (!Array.isArray(events) || Object.keys(batch)[0] !== 'events') return null;
  // The batch with no events (key order kept: `events` stays first), the events put in between.
  const rest = JSON.stringify({ ...batch, events: [] });
  let list = '';
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as HubEvent | null;
    if (typeof event !== 'object' || event === null) return null;
    list += i === 0 ? takeEventJson(event) : `,${takeEventJson(event)}`;
  }
  // What precedes the data: the packet type, and a namespace or ack id when it has one.
  const head = encoder.encodeAsString({ ...packet, data: undefined });
  return `${head}[${name},${EVENTS_OPEN}${list}${rest.slice(EVENTS_OPEN.length)}]`;
}
