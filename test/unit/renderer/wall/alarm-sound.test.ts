import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlarmSound } from '../../../../renderer/wall/alarm-sound';

// A stand-in for the browser's AudioContext that records the tones asked of it.
function fakeAudio(initial: 'running' | 'suspended') {
  const tones: number[] = [];
  const param = { value: 0, setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() };
  const context = {
    state: initial,
    currentTime: 0,
    destination: {},
    resume: vi.fn(async () => {
      context.state = 'running';
    }),
    createOscillator: () => {
      const oscillator = {
        frequency: { value: 0 },
        connect: (node: unknown) => node,
        start: () => tones.push(oscillator.frequency.value),
        stop: vi.fn(),
      };
      return oscillator;
    },
    createGain: () => ({ gain: param, connect: (node: unknown) => node }),
  };
  return { context, tones };
}

describe('createAlarmSound', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sounds sev1 as a two-tone every 2 s and sev2 as one lower tone every 5 s, until silenced', () => {
    const { context, tones } = fakeAudio('running');
    const alarm = createAlarmSound(() => context as unknown as AudioContext);
    expect(alarm.play('sev1')).toBe('sounding');
    vi.advanceTimersByTime(4000);
    expect(tones).toEqual([880, 1320, 880, 1320, 880, 1320]);

    tones.length = 0;
    alarm.play('sev2');
    vi.advanceTimersByTime(10_000);
    expect(tones).toEqual([660, 660, 660]);

    tones.length = 0;
    expect(alarm.play(null)).toBe('silent');
    vi.advanceTimersByTime(10_000);
    expect(tones).toEqual([]);
  });

  it('says it is blocked until a key press lets the browser play, then sounds', async () => {
    const { context, tones } = fakeAudio('suspended');
    context.resume.mockImplementation(async () => undefined); // the browser says no before a gesture
    const alarm = createAlarmSound(() => context as unknown as AudioContext);
    expect(alarm.play('sev1')).toBe('blocked');
    expect(tones).toEqual([]);

    context.state = 'running'; // what a key press allows
    alarm.unblock();
    vi.advanceTimersByTime(2000);
    expect(alarm.state()).toBe('sounding');
    expect(tones).toEqual([880, 1320]);
  });

  it('waits for a new context to start where sound is allowed, then sounds at once', async () => {
    const { context, tones } = fakeAudio('suspended'); // resume() succeeds: sound is allowed
    const alarm = createAlarmSound(() => context as unknown as AudioContext);
    alarm.play('sev1');
    await Promise.resolve();
    await Promise.resolve();
    expect(tones).toEqual([880, 1320]);
    expect(alarm.state()).toBe('sounding');
  });

  it('asking for the same severity again does not restart the pattern', () => {
    const { context, tones } = fakeAudio('running');
    const alarm = createAlarmSound(() => context as unknown as AudioContext);
    alarm.play('sev1');
    vi.advanceTimersByTime(1500);
    alarm.play('sev1');
    vi.advanceTimersByTime(600);
    expect(tones).toEqual([880, 1320, 880, 1320]);
  });
});
