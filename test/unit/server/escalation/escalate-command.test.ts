import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../../shared/events';
import { MINUTE } from '../../../support/escalation-harness';
import { ladderHarnessPerTest, T0 } from './ladder-fixture';

// The operator's escalate: the next level now or a named one, what it refuses, and how the ladder
// and its clock go on afterwards.

const { start, pages } = ladderHarnessPerTest();

describe('escalate', () => {
  it('pages the next level now, and the ladder goes on from there', async () => {
    const h = start();
    const id = await h.open('g1');
    await h.clock.advance(MINUTE);
    expect(await h.command('alice', 'escalate', id)).toMatchObject({ ok: true });
    const paged = h.events(id, 'escalation_level_paged')[1] as HubEvent;
    expect(paged).toMatchObject({
      level: 2,
      actor: { kind: 'user', id: 'alice' },
      dueNext: T0 + 11 * MINUTE,
    });
    await h.clock.advance(4 * MINUTE); // level 1's old deadline passes: it must not page again
    expect(pages(id)).toHaveLength(2);
    await h.clock.advance(6 * MINUTE);
    expect(pages(id).map((page) => `${page.level}/${page.cycle}`)).toEqual(['1/0', '2/0', '1/1']);
  });

  it('pages a named level; refuses one the policy does not have, and "next" past the end', async () => {
    const h = start();
    const id = await h.open('g1');
    expect(await h.command('bob', 'escalate', id, { level: 2 })).toMatchObject({ ok: true });
    expect(await h.command('bob', 'escalate', id, { level: 3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'Policy "standard" has 2 levels.' },
    });
    const critical = await h.open('g2', { service: 'db', severity: 'sev1' });
    expect(await h.command('bob', 'escalate', critical)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await h.command('bob', 'escalate', critical, { level: 1 })).toMatchObject({ ok: true });
  });

  it('after an acknowledgement, pages whom it is asked to but starts no new clock', async () => {
    const h = start();
    const id = await h.open('g1');
    await h.command('alice', 'acknowledge', id);
    expect(await h.command('alice', 'escalate', id, { level: 2 })).toMatchObject({ ok: true });
    expect(pages(id)[1]).toMatchObject({ level: 2, dueNext: null });
    expect(h.incident(id).escalation).toMatchObject({ level: 2, stopped: 'acknowledged', nextLevelAt: null });
    await h.clock.advance(60 * MINUTE);
    expect(pages(id)).toHaveLength(2);
  });

  it('is refused on a resolved incident', async () => {
    const h = start();
    const id = await h.open('g1');
    await h.command('dana', 'set_status', id, { status: 'resolved' });
    expect(await h.command('alice', 'escalate', id)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
