import type { Server } from 'socket.io';

// socket.io checks every packet it sends for binary data before encoding it (socket.io-parser's
// hasBinary), which walks every key of every event in a broadcast; in a storm that walk and the
// JSON it then writes were 4 % of the hub's busy time. The live stream's batches are committed
// events, which are JSON through and through (they came from JSON and go to the log as JSON),
// so they are encoded as text straight away: the same string the default encoder writes for
// them. Every other packet goes the default way.

/** socket.io-parser's EVENT packet type. */
const EVENT = 2;

interface Packet {
  readonly type: number;
  readonly data?: unknown;
}

interface TextEncoderLike {
  encode(packet: Packet): unknown[];
  encodeAsString(packet: Packet): string;
}

/** Encodes `eventName` packets on `io` as text without looking for binary data in them. */
export function encodeAsText(io: Server, eventName: string): void {
  const encoder = io.encoder as unknown as TextEncoderLike;
  const encode = encoder.encode.bind(encoder);
  encoder.encode = (packet: Packet) =>
    packet.type === EVENT && Array.isArray(packet.data) && packet.data[0] === eventName
      ? [encoder.encodeAsString(packet)]
      : encode(packet);
}
