import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../support/escalation-harness';
import { alert, batch } from '../../../support/fixtures';
import { config, ladderHarnessPerTest, T0 } from './ladder-fixture';

// The escalation ladder against the real writer and SQLite log, with the clock in the test's
// hands: levels on time and not before, the repeat, and stopping on acknowledge and resolve.

const { start, pages } = ladderHarnessPerTest();

describe('the ladder', () => {
  it('pages level 1 at once, the next level when its time is up and not before, then repeats once', async () => {
    const h = start();
    const id = await h.open('g1');
    expect(h.events(id, 'escalation_started')).toMatchObject([
      { policyId: 'standard', actor: { kind: 'system' } },
    ]);
    expect(pages(id)).toEqual([{ level: 1, cycle: 0, targets: ['alice'], at: T0, dueNext: T0 + 5 * MINUTE }]);

    await h.clock.advance(5 * MINUTE - 1);
    expect(pages(id)).toHaveLength(1);
    await h.clock.advance(1);
    expect(pages(id)[1]).toEqual({
      level: 2,
      cycle: 0,
      targets: ['dana', 'alice', 'bob'],
      at: T0 + 5 * MINUTE,
      dueNext: T0 + 15 * MINUTE,
    });
    expect(h.events(id, 'escalation_level_paged')[1]).toMatchObject({ teams: ['sre'] });

    await h.clock.advance(10 * MINUTE);
    await h.clock.advance(5 * MINUTE);
    await h.clock.advance(10 * 60 * MINUTE);
    expect(pages(id).map((page) => `${page.level}/${page.cycle}`)).toEqual(['1/0', '2/0', '1/1', '2/1']);
    expect(pages(id)[3]?.dueNext).toBeNull();
    expect(h.incident(id).escalation).toMatchObject({ level: 2, cycle: 1, nextLevelAt: null, stopped: null });
  });

  it('asks the rotation who is on call when each level is paged, not when the escalation began', async () => {
    const h = start(Date.parse('2026-01-05T19:58:00Z'));
    const id = await h.open('g1');
    await h.clock.advance(15 * MINUTE); // level 2 at 20:03, level 1 again at 20:13
    expect(pages(id).map((page) => page.targets[0])).toEqual(['alice', 'dana', 'bob']);
  });

  it('takes the policy of the first matching route, else the default', async () => {
    const h = start();
    const critical = await h.open('g1', { service: 'db', severity: 'sev1' });
    const web = await h.open('g2', { service: 'web', severity: 'sev1' });
    expect(h.incident(critical).escalation?.policyId).toBe('db-critical');
    expect(pages(critical)[0]?.targets).toEqual(['eve']);
    expect(h.incident(web).escalation?.policyId).toBe('standard');
  });

  it('starts nothing when no policy applies', async () => {
    const h = start(T0, { ...config, defaultPolicy: null });
    const id = await h.open('g1', { service: 'web' });
    expect(h.incident(id).escalation).toBeUndefined();
    expect(await h.command('alice', 'escalate', id)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('keeps one timer however many escalations run', async () => {
    const h = start();
    for (let i = 0; i < 50; i++) await h.open(`g${i}`);
    expect(h.escalations.engine.pending).toBe(50);
    expect(h.clock.pendingTimers).toBe(1);
  });
});

describe('stopping', () => {
  it('stops when a person acknowledges: nobody else is paged', async () => {
    const h = start();
    const id = await h.open('g1');
    await h.clock.advance(2 * MINUTE);
    expect(await h.command('alice', 'acknowledge', id)).toMatchObject({ ok: true });
    expect(h.events(id, 'escalation_stopped')).toMatchObject([
      { reason: 'acknowledged', at: T0 + 2 * MINUTE },
    ]);
    await h.clock.advance(3 * 60 * MINUTE);
    expect(pages(id)).toHaveLength(1);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('goes on when only monitoring acknowledges (PagerDuty), and stops when a person then does', async () => {
    const h = start();
    const id = await h.open('g1');
    await h.ingest(batch('g1', [alert('g1-1')], { acknowledge: true, receivedAt: T0 }));
    expect(h.incident(id).acknowledgedBy).toEqual({ kind: 'integration', id: 'test' });
    await h.clock.advance(5 * MINUTE);
    expect(pages(id)).toHaveLength(2);
    // A person acknowledging after monitoring did still stops it, though the incident keeps
    // monitoring's acknowledgement as its first.
    expect(await h.command('bob', 'acknowledge', id)).toMatchObject({ ok: true });
    expect(h.events(id, 'escalation_stopped')).toMatchObject([{ reason: 'acknowledged' }]);
    await h.clock.advance(60 * MINUTE);
    expect(pages(id)).toHaveLength(2);
  });

  it('stops when the incident is resolved, by a person or by its alerts clearing', async () => {
    const h = start();
    const byHand = await h.open('g1');
    expect(await h.command('dana', 'set_status', byHand, { status: 'resolved' })).toMatchObject({ ok: true });
    const cleared = await h.open('g2');
    await h.ingest(batch('g2', [alert('g2-1', { status: 'resolved', endsAt: T0 })], { receivedAt: T0 }));
    await h.clock.advance(60 * MINUTE);
    for (const id of [byHand, cleared]) {
      expect(h.events(id, 'escalation_stopped')).toMatchObject([{ reason: 'resolved' }]);
      expect(pages(id)).toHaveLength(1);
    }
  });
});
