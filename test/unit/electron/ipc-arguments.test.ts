import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { safeParseIpcArgs } from '../../../electron/ipc/ipc-args-schemas';
import { IPC } from '../../../shared/ipc';

// What main accepts from the page, channel by channel: anything else never reaches a handler.

const ack = (fields: Record<string, unknown> = {}) => ({
  commandId: ulid(),
  type: 'acknowledge',
  incidentId: 'INC-1',
  ...fields,
});

describe('sign-in arguments', () => {
  it('take one token of 1 to 4096 characters', () => {
    expect(safeParseIpcArgs(IPC.signIn, ['dana-token']).success).toBe(true);
    expect(safeParseIpcArgs(IPC.signIn, ['x'.repeat(4096)]).success).toBe(true);
    for (const args of [[], [''], ['x'.repeat(4097)], [42], [{ token: 'dana-token' }], ['a', 'b']]) {
      expect(safeParseIpcArgs(IPC.signIn, args).success, JSON.stringify(args).slice(0, 40)).toBe(false);
    }
  });
});

describe('incident record arguments', () => {
  it('take one incident id of 1 to 100 characters', () => {
    expect(safeParseIpcArgs(IPC.incidentRecord, ['INC-1']).success).toBe(true);
    for (const args of [[], [''], ['I'.repeat(101)], [7], ['INC-1', 'INC-2']]) {
      expect(safeParseIpcArgs(IPC.incidentRecord, args).success, JSON.stringify(args)).toBe(false);
    }
  });
});

describe('command arguments', () => {
  it('take one command that commandSchema accepts', () => {
    const note = ack({ type: 'add_note', text: 'Failing over to pg-1' });
    expect(safeParseIpcArgs(IPC.sendCommand, [ack()]).success).toBe(true);
    expect(safeParseIpcArgs(IPC.sendCommand, [note]).success).toBe(true);
  });

  it.each([
    ['no command', []],
    ['an unknown type', [ack({ type: 'delete_everything' })]],
    ['no commandId', [{ type: 'acknowledge', incidentId: 'INC-1' }]],
    ['a commandId that is no ULID', [ack({ commandId: 'not-a-ulid' })]],
    ['an oversized incident id', [ack({ incidentId: 'I'.repeat(101) })]],
    ['an empty note', [ack({ type: 'add_note', text: '   ' })]],
    ['a note over 10,000 characters', [ack({ type: 'add_note', text: 'x'.repeat(10_001) })]],
    ['a user id with capitals and spaces', [ack({ type: 'assign_commander', userId: 'Dana Reyes' })]],
    ['an unknown severity', [ack({ type: 'set_severity', severity: 'sev0' })]],
    ['an escalation level out of range', [ack({ type: 'escalate', level: 99 })]],
    ['two commands', [ack(), ack()]],
    ['a string', [JSON.stringify(ack())]],
  ])('refuses %s', (_what, args) => {
    expect(safeParseIpcArgs(IPC.sendCommand, args).success).toBe(false);
  });

  it('dismiss one refusal by its command id, and nothing else', () => {
    const { commandId } = ack();
    expect(safeParseIpcArgs(IPC.dismissRejected, [commandId]).success).toBe(true);
    for (const args of [[], ['not-a-ulid'], [commandId, commandId], [{ commandId }], ['__proto__']])
      expect(safeParseIpcArgs(IPC.dismissRejected, args).success).toBe(false);
  });

  it('drops fields a command does not have instead of passing them on', () => {
    const parsed = safeParseIpcArgs(IPC.sendCommand, [ack({ actor: 'user:admin' })]);
    expect(parsed.success && 'actor' in parsed.data[0]).toBe(false);
  });
});

describe('export arguments', () => {
  it.each(['md', 'csv', 'json', 'html', 'pdf'])('take the %s format', (format) => {
    expect(safeParseIpcArgs(IPC.exportTimeline, ['INC-1', format, 'Europe/Berlin']).success).toBe(true);
  });

  it.each([['docx'], ['PDF'], ['.md'], [''], [null]])('refuse the format %j', (format) => {
    expect(safeParseIpcArgs(IPC.exportTimeline, ['INC-1', format, 'UTC']).success).toBe(false);
  });

  it.each(['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'europe/berlin'])(
    'take the time zone %s',
    (timeZone) => {
      expect(safeParseIpcArgs(IPC.exportTimeline, ['INC-1', 'md', timeZone]).success).toBe(true);
    },
  );

  it.each(['Mars/Olympus_Mons', 'Europe/Berlin ', '', '+01:00', 'Z'.repeat(65), 'local', '../../etc'])(
    'refuse the time zone %j',
    (timeZone) => {
      expect(safeParseIpcArgs(IPC.exportTimeline, ['INC-1', 'md', timeZone]).success).toBe(false);
    },
  );

  it('refuse a missing or bogus incident id and extra arguments', () => {
    for (const args of [
      ['md', 'UTC'],
      ['', 'md', 'UTC'],
      ['I'.repeat(101), 'md', 'UTC'],
      ['INC-1', 'md', 'UTC', 'extra'],
    ]) {
      expect(safeParseIpcArgs(IPC.exportTimeline, args).success, JSON.stringify(args)).toBe(false);
    }
  });
});

describe('statistics arguments', () => {
  const week = { from: Date.UTC(2026, 10, 20), to: Date.UTC(2026, 10, 27), bucket: 'day', timeZone: 'UTC' };

  it.each([
    ['a week by day in UTC', week],
    ['weeks in Berlin', { ...week, bucket: 'week', timeZone: 'Europe/Berlin' }],
    ['an empty range', { ...week, to: week.from }],
  ])('take %s', (_what, query) => {
    expect(safeParseIpcArgs(IPC.statistics, [query]).success).toBe(true);
  });

  it.each([
    ['no query', []],
    ['to before from', [{ ...week, to: week.from - 1 }]],
    ['a fractional instant', [{ ...week, from: week.from + 0.5 }]],
    ['a negative instant', [{ ...week, from: -1 }]],
    ['an ISO string for an instant', [{ ...week, from: '2026-11-20' }]],
    ['an unknown bucket', [{ ...week, bucket: 'month' }]],
    ['an unknown time zone', [{ ...week, timeZone: 'Mars/Olympus_Mons' }]],
    ['an offset for a zone', [{ ...week, timeZone: '+01:00' }]],
    ['a missing field', [{ from: week.from, to: week.to, bucket: 'day' }]],
    ['two queries', [week, week]],
  ])('refuse %s', (_what, args) => {
    expect(safeParseIpcArgs(IPC.statistics, args).success).toBe(false);
  });
});
