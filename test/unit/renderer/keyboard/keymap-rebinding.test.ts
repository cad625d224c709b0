import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandSpec } from '../../../../renderer/keyboard/command-catalog';
import { SEQUENCE_TIMEOUT_MS } from '../../../../renderer/keyboard/keymap';
import {
  captureChord,
  draftFrom,
  findConflicts,
  keysClash,
  overridesFrom,
} from '../../../../renderer/keyboard/keymap-rebinding';

const spec = (
  id: string,
  context: CommandSpec['context'],
  keys: string[],
  fixedKeys?: string[],
): CommandSpec => ({
  id,
  context,
  description: id,
  keys,
  ...(fixedKeys ? { fixedKeys } : {}),
});

const commands: ReadonlyArray<CommandSpec> = [
  spec('settings', 'global', [',']),
  spec('view.board', 'global', ['g b']),
  spec('board.previous', 'board', ['k'], ['ArrowUp']),
  spec('incident.acknowledge', 'incident', ['a']),
  spec('incident.take_command', 'incident', ['c']),
  spec('incident.back', 'incident', [], ['Escape']),
];
const pairs = (draft: Record<string, string[]>) =>
  findConflicts(commands, { ...draftFrom(commands, {}), ...draft }).map(
    (conflict) => `${conflict.commandId}:${conflict.key}~${conflict.otherId}:${conflict.otherKey}`,
  );

describe('the default keymap', () => {
  it('has no conflicts, and a key for every incident action', () => {
    expect(findConflicts(COMMANDS, draftFrom(COMMANDS, {}))).toEqual([]);
    const incidentKeys = COMMANDS.filter((command) => command.id.startsWith('incident.')).map((c) => c.id);
    expect(incidentKeys).toContain('incident.assign_commander');
    expect(COMMANDS.find((c) => c.id === 'incident.assign_commander')?.keys).toEqual(['h']);
    expect(COMMANDS.find((c) => c.id === 'incident.escalate')?.keys).toEqual(['e']);
  });
});

describe('findConflicts', () => {
  it('reports a key used twice in the same context, from both sides', () => {
    expect(pairs({ 'incident.acknowledge': ['c'] })).toEqual([
      'incident.acknowledge:c~incident.take_command:c',
      'incident.take_command:c~incident.acknowledge:c',
    ]);
  });

  it('allows the same key in views that never show together', () => {
    expect(pairs({ 'incident.acknowledge': ['k'] })).toEqual([]);
  });

  it('counts the global keys as part of every view', () => {
    expect(pairs({ 'incident.acknowledge': [','] })).toContain('incident.acknowledge:,~settings:,');
  });

  it('counts fixed keys, which keep working whatever is bound', () => {
    expect(pairs({ 'incident.acknowledge': ['Escape'] })).toContain(
      'incident.acknowledge:Escape~incident.back:Escape',
    );
  });

  it('treats a single key that starts a sequence as a conflict: the sequence would never run', () => {
    expect(pairs({ 'incident.acknowledge': ['g'] })).toContain('incident.acknowledge:g~view.board:g b');
    expect(keysClash('g e', 'g b')).toBe(false);
    expect(keysClash('g b', 'g b')).toBe(true);
  });
});

describe('overridesFrom', () => {
  it('keeps only what differs from the defaults', () => {
    const draft = { ...draftFrom(commands, {}), 'incident.acknowledge': ['k'] };
    expect(overridesFrom(commands, draft)).toEqual({ 'incident.acknowledge': ['k'] });
    expect(overridesFrom(commands, draftFrom(commands, { 'incident.acknowledge': ['a'] }))).toEqual({});
  });
});

describe('captureChord', () => {
  it('takes a single key, and waits a moment for a second one', () => {
    expect(captureChord(null, 'k', 0)).toEqual({ key: 'k', at: 0, awaitingSecond: true });
  });

  it('joins a second key within the timeout into a sequence', () => {
    const first = captureChord(null, 'g', 0);
    expect(captureChord(first, 'b', 500)).toEqual({ key: 'g b', at: 500, awaitingSecond: false });
  });

  it('starts over with a key pressed after the timeout', () => {
    const first = captureChord(null, 'g', 0);
    expect(captureChord(first, 'b', SEQUENCE_TIMEOUT_MS + 1).key).toBe('b');
  });

  it('never chains a chord with a modifier or a named key', () => {
    expect(captureChord(null, 'Mod+k', 0).awaitingSecond).toBe(false);
    expect(captureChord(captureChord(null, 'g', 0), 'Enter', 100).key).toBe('Enter');
  });
});
