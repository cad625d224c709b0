import { dictFromEntries, emptyDict, ownValue } from '../../shared/dict';
import type { CommandContext, CommandSpec } from './command-catalog';
import { SEQUENCE_TIMEOUT_MS } from './keymap';
import type { KeymapOverrides } from './keymap-storage';

// The rules of the settings dialog, as values: the keymap being edited (a draft), which keys
// clash, and how pressed keys become a key or a two-key sequence.

/** The keys the operator may change, per command id, for every command being edited. */
export type KeymapDraft = Readonly<Record<string, ReadonlyArray<string>>>;

/** The draft for the keymap as it is now: saved keys where there are some, else the defaults. */
export function draftFrom(commands: ReadonlyArray<CommandSpec>, overrides: KeymapOverrides): KeymapDraft {
  return dictFromEntries(
    commands.map((spec) => [spec.id, ownValue(overrides, spec.id) ?? spec.keys] as const),
  );
}

/** Only what differs from the defaults is saved, so changed defaults reach everyone else. */
export function overridesFrom(commands: ReadonlyArray<CommandSpec>, draft: KeymapDraft): KeymapOverrides {
  const overrides = emptyDict<ReadonlyArray<string>>();
  for (const spec of commands) {
    const keys = ownValue(draft, spec.id) ?? spec.keys;
    if (keys.join('\n') !== spec.keys.join('\n')) overrides[spec.id] = keys;
  }
  return overrides;
}

/** Two commands can be reached by the same press: same view, or one works everywhere. */
export function contextsOverlap(a: CommandContext, b: CommandContext): boolean {
  return a === b || a === 'global' || b === 'global';
}

/** Same key, or a single key that is the first of a sequence (it would never wait for the second). */
export function keysClash(a: string, b: string): boolean {
  if (a === b) return true;
  const [aFirst, aSecond] = a.split(' ');
  const [bFirst, bSecond] = b.split(' ');
  if (aSecond === undefined && bSecond !== undefined) return aFirst === bFirst;
  if (bSecond === undefined && aSecond !== undefined) return aFirst === bFirst;
  return false;
}

export interface KeymapConflict {
  readonly commandId: string;
  readonly key: string;
  readonly otherId: string;
  readonly otherKey: string;
}

/** Every clash in the draft, listed from both sides so each row can show its own. */
export function findConflicts(
  commands: ReadonlyArray<CommandSpec>,
  draft: KeymapDraft,
): ReadonlyArray<KeymapConflict> {
  const keysOf = (spec: CommandSpec): ReadonlyArray<string> => [
    ...(draft[spec.id] ?? spec.keys),
    ...(spec.fixedKeys ?? []),
  ];
  const conflicts: KeymapConflict[] = [];
  for (const spec of commands) {
    for (const other of commands) {
      if (other.id === spec.id || !contextsOverlap(spec.context, other.context)) continue;
      for (const key of keysOf(spec)) {
        for (const otherKey of keysOf(other)) {
          if (keysClash(key, otherKey))
            conflicts.push({ commandId: spec.id, key, otherId: other.id, otherKey });
        }
      }
    }
  }
  return conflicts;
}

/** What the settings dialog has captured of a new key so far. */
export interface KeyCapture {
  /** One chord, or two separated by a space. */
  readonly key: string;
  readonly at: number;
  /** A plain character may be the first of a sequence: the next one within the timeout joins it. */
  readonly awaitingSecond: boolean;
}

/** Only printed characters without modifiers chain into sequences, as "g b" does. */
const chains = (chord: string): boolean => [...chord].length === 1;

/** The capture after `chord` was pressed at `now`. */
export function captureChord(capture: KeyCapture | null, chord: string, now: number): KeyCapture {
  if (capture?.awaitingSecond && now - capture.at <= SEQUENCE_TIMEOUT_MS && chains(chord)) {
    return { key: `${capture.key} ${chord}`, at: now, awaitingSecond: false };
  }
  return { key: chord, at: now, awaitingSecond: chains(chord) };
}
