import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAsText } from '../../../server/sync/events-encoder';
import { dictOf } from '../../../shared/dict';
import { SOCKET_EVENTS } from '../../../shared/protocol';

// The live stream's batches are encoded without socket.io's scan for binary data; what goes on
// the wire must be exactly what the default encoder writes, and every other packet must still
// go the default way (binary included).

interface Encoder {
  encode(packet: unknown): unknown[];
}

describe('encodeAsText', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const io of servers.splice(0)) io.engine?.close();
  });

  function encoders(): { patched: Encoder; plain: Encoder } {
    const io = new Server();
    servers.push(io);
    const plain = new io._parser.Encoder() as Encoder;
    encodeAsText(io, SOCKET_EVENTS.events);
    return { patched: io.encoder as unknown as Encoder, plain };
  }

  it('writes a batch of events exactly as the default encoder does', () => {
    const { patched, plain } = encoders();
    // A null-prototype label table, a label named __proto__ in it, as ingest makes them.
    const labels = dictOf(
      JSON.parse('{"__proto__":"a label","alertname":"Storm"}') as Record<string, string>,
    );
    const batch = {
      events: [
        {
          seq: 1,
          at: 5,
          type: 'alert_fired',
          incidentId: 'INC-1',
          alert: { labels, links: [], endsAt: null },
        },
        { seq: 2, at: 6, type: 'note_added', incidentId: 'INC-1', text: 'quote " and \u2028 and ☃' },
      ],
      checkpoint: { seq: 2, checksum: 'abc' },
    };
    for (const packet of [
      { type: 2, nsp: '/', data: [SOCKET_EVENTS.events, batch] },
      { type: 2, nsp: '/admin', data: [SOCKET_EVENTS.events, { events: [] }] },
    ]) {
      expect(patched.encode(packet)).toEqual(plain.encode(packet));
      expect(patched.encode(packet)).toHaveLength(1);
    }
  });

  it('leaves every other packet to the default encoder, binary included', () => {
    const { patched, plain } = encoders();
    for (const packet of [
      { type: 2, nsp: '/', data: [SOCKET_EVENTS.status, { store: 'ok' }] },
      { type: 3, nsp: '/', id: 7, data: [{ ok: true, seq: 3 }] },
      { type: 2, nsp: '/', data: ['other', Buffer.from([1, 2, 3])] },
      { type: 0, nsp: '/', data: { sid: 'x' } },
    ]) {
      expect(patched.encode(packet)).toEqual(plain.encode(packet));
    }
    expect(patched.encode({ type: 2, nsp: '/', data: ['other', Buffer.from([1])] })).toHaveLength(2);
  });
});
