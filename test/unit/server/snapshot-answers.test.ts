import { describe, expect, it } from 'vitest';
import {
  type EncodedSnapshot,
  encodeSnapshot,
  MAX_REBUILDS,
  REUSE_EVENTS,
  REUSE_MS,
  SnapshotAnswers,
  type TakenBoard,
} from '../../../server/sync/snapshot-answers';
import { dictOf } from '../../../shared/dict';
import type { Alert, Incident } from '../../../shared/domain';
import type { HubEvent } from '../../../shared/events';

// A herd of consoles asking for the board at once shares one snapshot: taken once, encoded once,
// and each console given the events since. The encoding is the snapshot answer, byte for byte.

const incident = (id: string, extra: Partial<Incident> = {}): Incident =>
  ({
    id,
    title: `Title of ${id}`,
    status: 'investigating',
    resolvedAt: null,
    alerts: dictOf({}),
    ...extra,
  }) as Incident;

function herd() {
  let seq = 10;
  let clock = 1_000_000;
  let takes = 0;
  const answered: Array<{ waiters: string[]; snapshot: EncodedSnapshot; since: number[] }> = [];
  const recent: HubEvent[] = [];
  const superseded: string[] = [];
  const answers = new SnapshotAnswers<string>({
    take: (): TakenBoard => {
      takes += 1;
      return { hubId: 'hub', seq, incidents: [incident('INC-1')], checkpoint: { seq, checksum: 'c' } };
    },
    seq: () => seq,
    recentAfter: (after) => recent.filter((event) => event.seq > after),
    now: () => clock,
    answer: (waiters, snapshot, since) =>
      answered.push({ waiters: [...waiters], snapshot, since: since.map((event) => event.seq) }),
    failed: () => {
      throw new Error('no failure expected');
    },
    // 'a#2' is the second ask of console 'a'.
    askerOf: (waiter) => waiter.split('#')[0] ?? waiter,
    helloOf: (waiter) => Number(waiter.split('#')[1] ?? 1),
    superseded: (waiter) => superseded.push(waiter),
  });
  const commit = (count: number) => {
    for (let i = 0; i < count; i++) recent.push({ seq: ++seq } as HubEvent);
  };
  return {
    answers,
    answered,
    superseded,
    commit,
    takes: () => takes,
    later: (ms: number) => {
      clock += ms;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SnapshotAnswers', () => {
  it('answers every console that asks while the board is encoded with one snapshot', async () => {
    const h = herd();
    for (const name of ['a', 'b', 'c']) h.answers.ask(name);
    expect(h.answers.inProgress).toBe(true);
    await settle();
    expect(h.takes()).toBe(1);
    expect(h.answered).toHaveLength(1);
    expect(h.answered[0]?.waiters).toEqual(['a', 'b', 'c']);
    expect(h.answered[0]?.since).toEqual([]);
  });

  it('answers a console that asks again while the board is made once, with its latest ask', async () => {
    // A hello flood (or a console whose transport gave up and asked again) from one link: the
    // board is not written to it once per hello, and the hub holds one ask per console.
    const h = herd();
    for (const ask of ['a#1', 'b#1', 'a#2', 'a#3']) h.answers.ask(ask);
    await settle();
    expect(h.answered).toHaveLength(1);
    expect(h.answered[0]?.waiters).toEqual(['a#3', 'b#1']);
    expect(h.superseded).toEqual(['a#1', 'a#2']);
  });

  it("keeps a console's later ask when an earlier one is asked for again while the board is made", async () => {
    // An older console's answer waits its turn; when the events since its board ran out it is
    // asked for again, by then maybe after a later hello of the same console: that one stands.
    const h = herd();
    h.answers.ask('a#2');
    h.answers.ask('a#1');
    await settle();
    expect(h.answered[0]?.waiters).toEqual(['a#2']);
    expect(h.superseded).toEqual(['a#1']);
  });

  it('gives a console that asks soon after the same snapshot and the events committed since', async () => {
    const h = herd();
    h.answers.ask('a');
    await settle();
    h.commit(3);
    h.later(REUSE_MS / 2);
    h.answers.ask('b');
    expect(h.takes()).toBe(1);
    expect(h.answered[1]?.snapshot).toBe(h.answered[0]?.snapshot);
    expect(h.answered[1]?.since).toEqual([11, 12, 13]);
  });

  it('takes the board again once the last snapshot is too old or too far behind', async () => {
    const h = herd();
    h.answers.ask('a');
    await settle();
    h.later(REUSE_MS + 1);
    h.answers.ask('b');
    await settle();
    expect(h.takes()).toBe(2);
    h.commit(REUSE_EVENTS + 1);
    h.answers.ask('c');
    await settle();
    expect(h.takes()).toBe(3);
    expect(h.answered[2]?.since).toEqual([]);
  });
});

describe('SnapshotAnswers when the board cannot be made', () => {
  it('tells the consoles waiting and makes the next board for the next console', async () => {
    let fail = true;
    const failed: string[] = [];
    const answered: string[] = [];
    const answers = new SnapshotAnswers<string>({
      take: (): TakenBoard => {
        if (fail) throw new Error('the fold is broken');
        return {
          hubId: 'hub',
          seq: 1,
          incidents: [incident('INC-1')],
          checkpoint: { seq: 1, checksum: 'c' },
        };
      },
      seq: () => 1,
      recentAfter: () => [],
      now: () => 0,
      answer: (waiters) => answered.push(...waiters),
      failed: (waiters) => failed.push(...waiters),
      askerOf: (waiter) => waiter,
      helloOf: () => 1,
      superseded: () => {},
    });
    answers.ask('a');
    answers.ask('b');
    await settle();
    expect(failed).toEqual(['a', 'b']);
    expect(answers.inProgress).toBe(false);
    fail = false;
    answers.ask('c');
    await settle();
    expect(answered).toEqual(['c']);
  });

  it('tells the consoles to ask later when events keep outrunning the board', async () => {
    // Memory never holds the events since the board (a storm faster than the encoding).
    let takes = 0;
    const failed: string[] = [];
    const answers = new SnapshotAnswers<string>({
      take: (): TakenBoard => {
        takes += 1;
        return { hubId: 'hub', seq: takes, incidents: [], checkpoint: { seq: takes, checksum: 'c' } };
      },
      seq: () => takes,
      recentAfter: () => null,
      now: () => 0,
      answer: () => {
        throw new Error('no answer expected');
      },
      failed: (waiters) => failed.push(...waiters),
      askerOf: (waiter) => waiter,
      helloOf: () => 1,
      superseded: () => {},
    });
    answers.ask('a');
    for (let i = 0; i < 10 && failed.length === 0; i++) await settle();
    expect(failed).toEqual(['a']);
    expect(takes).toBe(MAX_REBUILDS + 1);
    expect(answers.inProgress).toBe(false);
  });

  it('answers nobody once stopped while the board was being encoded', async () => {
    const h = herd();
    h.answers.ask('a');
    h.answers.stop();
    await settle();
    expect(h.answered).toEqual([]);
  });
});

describe('encodeSnapshot', () => {
  it('writes the snapshot answer a console would otherwise get, however many incidents it holds', async () => {
    // Alerts keyed by a fingerprint named __proto__ (null-prototype table), text with U+2028.
    const alerts = dictOf(
      JSON.parse('{"__proto__":{"fingerprint":"__proto__","title":"a\\u2028b"}}') as Record<string, Alert>,
    );
    const incidents = Array.from({ length: 3000 }, (_, i) => incident(`INC-${i}`, { alerts }));
    const encoded = await encodeSnapshot(
      { hubId: 'hub', seq: 42, incidents, checkpoint: { seq: 42, checksum: 'abc' } },
      () => 5,
      async () => {},
    );
    const expected = {
      kind: 'snapshot',
      snapshot: { hubId: 'hub', seq: 42, incidents },
      fingerprint: { seq: 42, checksum: 'abc' },
      userId: 'dana',
    };
    const text = `${encoded.head},"userId":"dana"}`;
    expect(text).toBe(JSON.stringify(expected));
    expect(encoded).toMatchObject({ seq: 42, takenAt: 5 });
  });
});
