import { describe, expect, it } from 'vitest';
import { DeadlineQueue } from '../../../../server/escalation/deadline-queue';
import { FakeClock } from '../../../support/fake-clock';
import { seededRandom } from '../../../support/seeded-random';

// The deadline queue: one timer however many deadlines, each fired once, in order, never early,
// and a moved or cancelled deadline never fires at its old time.

function queue(start = 0) {
  const clock = new FakeClock(start);
  const fired: Array<{ key: string; at: number; now: number }> = [];
  const deadlines = new DeadlineQueue(clock, (key, at) => fired.push({ key, at, now: clock.now() }));
  return { clock, fired, deadlines };
}

describe('DeadlineQueue', () => {
  it('fires 10,000 random deadlines in order, each once and never early, on a single timer', async () => {
    const { clock, fired, deadlines } = queue();
    const random = seededRandom(7);
    const due = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const at = random.int(1, 3_600_000);
      due.set(`INC-${i}`, at);
      deadlines.schedule(`INC-${i}`, at);
    }
    expect(clock.pendingTimers).toBe(1);
    for (let t = 0; t <= 3_600_000; t += 60_000) await clock.advanceTo(t);
    expect(fired).toHaveLength(10_000);
    expect(new Set(fired.map((f) => f.key)).size).toBe(10_000);
    for (const [i, f] of fired.entries()) {
      expect(f.at).toBe(due.get(f.key));
      expect(f.now).toBeGreaterThanOrEqual(f.at);
      if (i > 0) expect(f.at).toBeGreaterThanOrEqual(fired[i - 1]?.at ?? 0);
    }
    expect(deadlines.size).toBe(0);
  });

  it('moves a deadline instead of adding one, and forgets a cancelled one', async () => {
    const { clock, fired, deadlines } = queue();
    deadlines.schedule('a', 100);
    deadlines.schedule('b', 200);
    deadlines.schedule('a', 300);
    deadlines.cancel('b');
    await clock.advanceTo(1000);
    expect(fired).toEqual([{ key: 'a', at: 300, now: 300 }]);
  });

  it('brings its timer forward for an earlier deadline and fires a past one at once', async () => {
    const { clock, fired, deadlines } = queue(1000);
    deadlines.schedule('late', 5000);
    deadlines.schedule('soon', 2000);
    deadlines.schedule('missed', 10);
    await clock.advance(0);
    expect(fired.map((f) => f.key)).toEqual(['missed']);
    await clock.advanceTo(2000);
    expect(fired.map((f) => f.key)).toEqual(['missed', 'soon']);
    expect(clock.pendingTimers).toBe(1);
  });

  it('fires nothing after close', async () => {
    const { clock, fired, deadlines } = queue();
    deadlines.schedule('a', 100);
    deadlines.close();
    await clock.advanceTo(1000);
    expect(fired).toEqual([]);
  });
});
