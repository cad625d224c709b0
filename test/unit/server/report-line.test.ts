import { describe, expect, it } from 'vitest';
import { ReportLine, ReportLineFull } from '../../../server/statistics/report-line';

// Statistics reports take turns on the hub's event loop: one at a time, a few waiting, the rest
// told to come back.

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('ReportLine', () => {
  it('reads one report at a time, in the order asked', async () => {
    const line = new ReportLine(4);
    const order: string[] = [];
    const first = deferred();
    const a = line.run(async () => {
      order.push('a starts');
      await first.promise;
      order.push('a ends');
    });
    const b = line.run(async () => {
      order.push('b starts');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['a starts']);
    first.resolve();
    await Promise.all([a, b]);
    expect(order).toEqual(['a starts', 'a ends', 'b starts']);
  });

  it('turns away a report when too many wait, and takes them again once the line moves', async () => {
    const line = new ReportLine(1);
    const hold = deferred();
    const running = line.run(() => hold.promise);
    await Promise.resolve();
    await Promise.resolve();
    const waiting = line.run(async () => 'second');
    await expect(line.run(async () => 'third')).rejects.toBeInstanceOf(ReportLineFull);
    hold.resolve();
    await running;
    expect(await waiting).toBe('second');
    expect(await line.run(async () => 'fourth')).toBe('fourth');
  });

  it('a report that fails does not stop the line', async () => {
    const line = new ReportLine(4);
    const failed = line.run(async () => {
      throw new Error('disk gone');
    });
    await expect(failed).rejects.toThrow('disk gone');
    expect(await line.run(async () => 'next')).toBe('next');
  });
});
