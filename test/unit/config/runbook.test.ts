import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunbook, slugify } from '../../../shared/config/runbook';
import { validFixture } from './config-folder';

describe('parseRunbook', () => {
  it('reads "- [ ]" and "- [x]" lines as steps, with their line numbers', () => {
    const runbook = parseRunbook(
      'payments-db.md',
      [
        '# Payments DB', //                         1
        '', //                                      2
        '- [ ] Confirm the alert', //               3
        '- [x] Announce in #incident-payments', //  4
        '- a plain bullet, not a step', //          5
        '  - [ ] Check replication lag', //         6
        '* [X] Page the DBA', //                    7
        '- [] not a checkbox', //                   8
        '-[ ] no space after the dash', //          9
      ].join('\n'),
    );
    expect(runbook.name).toBe('payments-db.md');
    expect(runbook.steps).toEqual([
      { id: 'confirm-the-alert', text: 'Confirm the alert', line: 3, checked: false },
      { id: 'announce-in-incident-payments', text: 'Announce in #incident-payments', line: 4, checked: true },
      { id: 'check-replication-lag', text: 'Check replication lag', line: 6, checked: false },
      { id: 'page-the-dba', text: 'Page the DBA', line: 7, checked: true },
    ]);
  });

  it('numbers repeated steps "-2", "-3" in order, without colliding with a real "-2"', () => {
    const steps = parseRunbook(
      'r.md',
      ['- [ ] Page the DBA', '- [ ] Page the DBA 2', '- [ ] Page the DBA', '- [ ] Page the DBA'].join('\n'),
    ).steps;
    expect(steps.map((step) => step.id)).toEqual([
      'page-the-dba',
      'page-the-dba-2',
      'page-the-dba-3',
      'page-the-dba-4',
    ]);
  });

  it('keeps step ids when unrelated lines are added above them', () => {
    const before = parseRunbook('r.md', '- [ ] Drain the node\n- [ ] Fail over to DC2\n').steps;
    const after = parseRunbook(
      'r.md',
      '# Edge\n\nRead this first.\n- [ ] Drain the node\n- [ ] Fail over to DC2\n',
    ).steps;
    expect(after.map((step) => step.id)).toEqual(before.map((step) => step.id));
    expect(after.map((step) => step.line)).toEqual([4, 5]);
  });

  it('ignores checklists inside fenced code blocks and handles CRLF files', () => {
    const steps = parseRunbook(
      'r.md',
      ['```md', '- [ ] example only', '```', '~~~', '- [ ] also an example', '~~~', '- [ ] Real step'].join(
        '\r\n',
      ),
    ).steps;
    expect(steps).toEqual([{ id: 'real-step', text: 'Real step', line: 7, checked: false }]);
  });

  it('parses the fixture runbook, where one step repeats', () => {
    const markdown = readFileSync(join(validFixture, 'runbooks/payments-db.md'), 'utf8');
    const ids = parseRunbook('payments-db.md', markdown).steps.map((step) => `${step.line}:${step.id}`);
    expect(ids).toEqual([
      '7:confirm-the-alert-on-the-grafana-payments-db-dashboard',
      '8:check-replication-lag-on-pg-pay-02',
      '9:announce-in-incident-payments',
      '13:page-the-dba-on-call',
      '14:promote-pg-pay-02-patronictl-failover',
      '15:check-replication-lag-on-pg-pay-02-2',
      '22:page-the-dba-on-call-2',
    ]);
  });
});

describe('a runbook repeating one step thousands of times', () => {
  it('numbers every repeat in order, skipping ids a step text already took', () => {
    const markdown = [
      '- [ ] Page the DBA 3',
      ...Array.from({ length: 20_000 }, () => '- [ ] Page the DBA'),
    ].join('\n');
    const ids = parseRunbook('generated.md', markdown).steps.map((step) => step.id);
    expect(ids.slice(0, 5)).toEqual([
      'page-the-dba-3',
      'page-the-dba',
      'page-the-dba-2',
      'page-the-dba-4',
      'page-the-dba-5',
    ]);
    expect(ids.at(-1)).toBe('page-the-dba-20001');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('slugify', () => {
  it('makes lowercase ASCII slugs', () => {
    expect(slugify('Fail over to DC2 (read-only)')).toBe('fail-over-to-dc2-read-only');
    expect(slugify('Vérifier la réplication')).toBe('verifier-la-replication');
    expect(slugify('!!!')).toBe('step');
  });

  it('caps long slugs without a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(63)} b`);
    expect(slug).toBe('a'.repeat(63));
  });
});
