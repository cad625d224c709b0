import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { eventRow } from '../../../server/store/event-log';
import { encodeAsText, JsonText } from '../../../server/sync/events-encoder';
import { dictOf } from '../../../shared/dict';
import type { HubEvent } from '../../../shared/events';
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
      fingerprint: { seq: 2, checksum: 'abc' },
    };
    for (const packet of [
      { type: 2, nsp: '/', data: [SOCKET_EVENTS.events, batch] },
      { type: 2, nsp: '/admin', data: [SOCKET_EVENTS.events, { events: [] }] },
    ]) {
      expect(patched.encode(packet)).toEqual(plain.encode(packet));
      expect(patched.encode(packet)).toHaveLength(1);
    }
  });

  it('puts each event in as its log row wrote it, and takes that string only once', () => {
    const { patched, plain } = encoders();
    const event = { seq: 3, at: 7, type: 'note_added', incidentId: 'INC-2', text: 'disk full' } as HubEvent;
    const row = eventRow(event);
    const packet = { type: 2, nsp: '/', data: [SOCKET_EVENTS.events, { events: [event] }] };
    const asWritten = plain.encode(packet);
    expect(asWritten[0]).toContain(row[4]);
    // Nothing edits a numbered event; doing it here shows which JSON goes out.
    (event as { text: string }).text = 'edited after the row was written';
    expect(patched.encode(packet)).toEqual(asWritten);
    // Handed over once: a second broadcast of the same object makes its JSON afresh.
    expect(patched.encode(packet)).toEqual(plain.encode(packet));
    expect(plain.encode(packet)).not.toEqual(asWritten);
  });

  it('writes batches of other shapes the default way', () => {
    const { patched, plain } = encoders();
    const event = { seq: 4, at: 8, type: 'note_added', incidentId: 'INC-2', text: 'x' } as HubEvent;
    for (const batch of [
      { fingerprint: { seq: 4, checksum: 'c' }, events: [event] },
      { events: 'none' },
      'text',
    ]) {
      eventRow(event);
      const packet = { type: 2, nsp: '/', id: 9, data: [SOCKET_EVENTS.events, batch] };
      expect(patched.encode(packet)).toEqual(plain.encode(packet));
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

describe('JsonText', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const io of servers.splice(0)) io.engine?.close();
  });

  it('writes an answer or an event given as JSON text exactly as the default encoder writes its value', () => {
    const io = new Server();
    servers.push(io);
    const plain = new io._parser.Encoder() as Encoder;
    encodeAsText(io, SOCKET_EVENTS.events);
    const patched = io.encoder as unknown as Encoder;
    const value = JSON.parse(
      '{"kind":"snapshot","snapshot":{"hubId":"h","seq":3,"incidents":[{"__proto__":"x","t":"\\u2028 ☃ \\""}]}}',
    );
    const text = new JsonText(JSON.stringify(value));
    for (const [packet, same] of [
      [
        { type: 3, nsp: '/', id: 7, data: [text] },
        { type: 3, nsp: '/', id: 7, data: [value] },
      ],
      [
        { type: 3, nsp: '/admin', id: 0, data: [text] },
        { type: 3, nsp: '/admin', id: 0, data: [value] },
      ],
      [
        { type: 2, nsp: '/', data: [SOCKET_EVENTS.snapshot, text] },
        { type: 2, nsp: '/', data: [SOCKET_EVENTS.snapshot, value] },
      ],
    ] as const) {
      expect(patched.encode(packet)).toEqual(plain.encode(same));
    }
  });
});
