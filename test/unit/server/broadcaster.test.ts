import { afterEach, describe, expect, it, vi } from 'vitest';
import { Broadcaster } from '../../../server/sync/broadcaster';
import type { HubEvent } from '../../../shared/events';
import { SEND_BURST } from '../../../shared/send-window';
import { numbered, opened } from '../../support/fixtures';

// Adaptive broadcast: a quiet hub forwards a commit at once; a storm, once the burst's credit is
// spent, is coalesced per window.

afterEach(() => vi.useRealTimers());

describe('the broadcaster', () => {
  it('sends an event committed while the hub is quiet at once, without waiting for a window', async () => {
    vi.useFakeTimers();
    const sent: HubEvent[][] = [];
    const broadcaster = new Broadcaster((events) => sent.push(events), { windowMs: 10 });
    broadcaster.publish(numbered([opened('INC-1')], 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
  });

  it('alone on its log, sends before the chain that published goes on (before the POST is answered)', async () => {
    const sent: HubEvent[][] = [];
    const broadcaster = new Broadcaster((events) => sent.push(events), { windowMs: 10 });
    let sentBeforeAnswer = false;
    await Promise.resolve().then(async () => {
      broadcaster.publish(numbered([opened('INC-1')], 1)); // folded after the commit…
      await Promise.resolve(); // …and the ingest goes on to answer
      sentBeforeAnswer = sent.length === 1;
    });
    expect(sentBeforeAnswer).toBe(true);
  });

  it('with other hubs on the log, sends at the end of the turn, after the chain of promises that published (a commit sending its write)', async () => {
    const sent: HubEvent[][] = [];
    const broadcaster = new Broadcaster((events) => sent.push(events), { windowMs: 10, sharedLog: true });
    let written = false;
    await Promise.resolve().then(async () => {
      broadcaster.publish(numbered([opened('INC-1')], 1)); // folded under the write lock…
      for (let i = 0; i < 5; i++) await Promise.resolve(); // …planned…
      written = true; // …and the write sent
      expect(sent).toHaveLength(0);
    });
    expect(written).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(1);
  });

  it('coalesces a storm into one message per window, losing and reordering nothing', async () => {
    vi.useFakeTimers();
    const sent: HubEvent[][] = [];
    const broadcaster = new Broadcaster((events) => sent.push(events), { windowMs: 10 });
    for (let i = 1; i <= 1000; i++) {
      broadcaster.publish(numbered([opened(`INC-${i}`)], i));
      if (i % 10 === 0) await vi.advanceTimersByTimeAsync(1); // 1,000 events over 100 ms
    }
    await vi.advanceTimersByTimeAsync(50);
    // The burst's credit at once, then one message per 10 ms window.
    expect(sent.length).toBeLessThanOrEqual(SEND_BURST + 12);
    expect(sent.flat().map((event) => event.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('sends what waits when flushed (the hub closing)', () => {
    const sent: HubEvent[][] = [];
    const broadcaster = new Broadcaster((events) => sent.push(events), { windowMs: 10 });
    broadcaster.publish(numbered([opened('INC-1')], 1));
    broadcaster.flush();
    expect(sent).toHaveLength(1);
  });
});
