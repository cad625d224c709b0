import type { Severity } from '../../shared/domain';

// The alarm a wall sounds while a sev1/sev2 waits for an acknowledgement. Tones are synthesised
// (no audio files to ship or load) and distinct per severity: sev1 a rising two-tone every 2 s,
// sev2 a single lower tone every 5 s, so the room can tell them apart without looking.

export type AlarmState = 'silent' | 'sounding' | 'blocked';

interface Pattern {
  readonly everyMs: number;
  readonly tones: ReadonlyArray<{ readonly hz: number; readonly ms: number }>;
}

const PATTERNS: Readonly<Partial<Record<Severity, Pattern>>> = {
  sev1: {
    everyMs: 2000,
    tones: [
      { hz: 880, ms: 180 },
      { hz: 1320, ms: 260 },
    ],
  },
  sev2: { everyMs: 5000, tones: [{ hz: 660, ms: 300 }] },
};

export interface AlarmSound {
  /** Sounds the pattern of `severity` until called with null; returns what the browser allowed. */
  play(severity: Severity | null): AlarmState;
  /** Whether the last attempt could make sound (a browser blocks audio before a first key press). */
  state(): AlarmState;
  /** Tries again after a person's key press or click, which unblocks audio. */
  unblock(): void;
}

/** An alarm over Web Audio; `createContext` is injectable so tests can count the tones. */
export function createAlarmSound(
  createContext: () => AudioContext | null = () =>
    typeof AudioContext === 'undefined' ? null : new AudioContext(),
): AlarmSound {
  let context: AudioContext | null = null;
  let severity: Severity | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let current: AlarmState = 'silent';

  const audible = (): boolean => context !== null && context.state === 'running';

  const beep = (): void => {
    const pattern = severity === null ? undefined : PATTERNS[severity];
    if (!context || !pattern) return;
    if (!audible()) {
      current = 'blocked';
      void context.resume().catch(() => undefined);
      return;
    }
    current = 'sounding';
    let at = context.currentTime;
    for (const tone of pattern.tones) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = tone.hz;
      // A short fade in and out: a square start would click in the speakers.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.3, at + 0.02);
      gain.gain.linearRampToValueAtTime(0, at + tone.ms / 1000);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + tone.ms / 1000);
      at += tone.ms / 1000 + 0.05;
    }
  };

  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    severity = null;
    current = 'silent';
  };

  return {
    play(next) {
      if (next === severity) return current;
      stop();
      const pattern = next === null ? undefined : PATTERNS[next];
      if (next === null || !pattern) return current;
      context ??= createContext();
      if (!context) return current;
      severity = next;
      timer = setInterval(beep, pattern.everyMs);
      if (audible()) {
        beep();
      } else {
        // A new AudioContext starts suspended even where sound is allowed; it is running once
        // resume() settles. Where the browser blocks sound it stays suspended until a key press.
        current = 'blocked';
        const context_ = context;
        void context_.resume().then(
          () => {
            if (severity === next && context_.state === 'running') beep();
          },
          () => undefined,
        );
      }
      return current;
    },
    state: () => current,
    unblock() {
      if (context && context.state !== 'running') void context.resume().catch(() => undefined);
    },
  };
}
