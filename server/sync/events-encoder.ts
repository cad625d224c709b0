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

/** socket.io-parser's EVENT and ACK packet types. */
const EVENT = 2;
const ACK = 3;

/**
 * An argument already encoded as JSON (an ack's answer, or an event's payload): written as it
 * is, so one text made once serves many consoles (a snapshot, sync/snapshot-answers.ts)
 * instead of being encoded for each.
 */
export class JsonText {
  constructor(readonly json: string) {}
}

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

/**
 * The JSON of a packet whose data ends in a JsonText (an ack's one argument, or an event's one
 * argument after its name), as the default encoder would write it; else null.
 */
function jsonTextOf(packet: Packet): string | null {
  const data = packet.data;
  if (!Array.isArray(data)) return null;
  const last: unknown = data[data.length - 1];
  if (!(last instanceof JsonText)) return null;
  if (packet.type === ACK && data.length === 1) return `[${last.json}]`;
  if (packet.type === EVENT && data.length === 2 && typeof data[0] === 'string')
    return `[${JSON.stringify(data[0])},${last.json}]`;
  return null;
}

/**
 * Encodes `eventName` packets on `io` as text without looking for binary data in them, and
 * packets given a JsonText as the text it holds.
 */
export function encodeAsText(io: Server, eventName: string): void {
  const encoder = io.encoder as unknown as TextEncoderLike;
  const encode = encoder.encode.bind(encoder);
  const name = JSON.stringify(eventName);
  encoder.encode = (packet: Packet) => {
    const text = jsonTextOf(packet);
    if (text !== null)
      return [
        encoder.replacer != null
          ? encoder.encodeAsString({ ...packet, data: JSON.parse(text) })
          : `${encoder.encodeAsString({ ...packet, data: undefined })}${text}`,
      ];
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
