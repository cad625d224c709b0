import { describe, expect, it } from 'vitest';
import { levelOfLine } from '../../../../server/logging/line-level';
import { FailureNote } from '../../../../server/store/postgres/failure-note';

// What the log hears of a retried read through a long outage: the first failure, a reminder every
// ten minutes with the reason of the moment, and the recovery; not one line per try.

describe('a failure retried through an outage', () => {
  it('is said once, reminded every ten minutes with the current reason, and said when it works', () => {
    let now = 0;
    const lines: string[] = [];
    const note = new FailureNote(
      'reading the log',
      (line) => lines.push(line),
      () => now,
    );
    for (; now < 25 * 60_000; now += 1_000)
      note.failed(new Error(now < 15 * 60_000 ? 'connect ECONNREFUSED' : 'password authentication failed'));
    note.worked();
    note.worked();
    expect(lines).toEqual([
      'cluster: reading the log failed: Error: connect ECONNREFUSED (said again every 10 min while it fails, and when it works)',
      'cluster: reading the log has failed for 600 s (601 tries), now: Error: connect ECONNREFUSED',
      'cluster: reading the log has failed for 1200 s (1201 tries), now: Error: password authentication failed',
      'cluster: reading the log again, after 1500 s and 1500 tries without it',
    ]);
    // Failures stay errors for whoever alerts on them; the recovery is news, not trouble.
    expect(lines.map(levelOfLine)).toEqual(['error', 'error', 'error', 'info']);
  });

  it('starts afresh after working: the next outage is said at once', () => {
    const lines: string[] = [];
    const note = new FailureNote(
      'listening for commits',
      (line) => lines.push(line),
      () => 0,
    );
    note.failed(new Error('a'));
    note.worked();
    note.failed(new Error('b'));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('listening for commits failed: Error: b');
  });
});
