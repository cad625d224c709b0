import { describe, expect, it } from 'vitest';
import { createFrameQueue } from '../../../../renderer/state/frame-queue';

/** A scheduler the test advances by hand, one frame at a time. */
function manualFrames() {
  const pending: Array<() => void> = [];
  return {
    schedule: (callback: () => void) => pending.push(callback),
    get scheduled() {
      return pending.length;
    },
    runFrame: () => {
      for (const callback of pending.splice(0)) callback();
    },
  };
}

describe('createFrameQueue', () => {
  it('delivers a storm of pushes as one batch per frame, in order', () => {
    const frames = manualFrames();
    const delivered: number[][] = [];
    const queue = createFrameQueue<number>((items) => delivered.push([...items]), frames.schedule);
    for (let i = 0; i < 500; i++) queue.push(i);
    expect(frames.scheduled).toBe(1);
    expect(delivered).toEqual([]);
    frames.runFrame();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('schedules a new frame for items pushed after a delivery', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const queue = createFrameQueue<string>((items) => delivered.push([...items]), frames.schedule);
    queue.push('a');
    frames.runFrame();
    queue.push('b');
    queue.push('c');
    frames.runFrame();
    expect(delivered).toEqual([['a'], ['b', 'c']]);
  });

  it('flush hands over at once, and the frame that follows delivers nothing', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const queue = createFrameQueue<string>((items) => delivered.push([...items]), frames.schedule);
    queue.push('a');
    queue.flush();
    frames.runFrame();
    expect(delivered).toEqual([['a']]);
  });
});
