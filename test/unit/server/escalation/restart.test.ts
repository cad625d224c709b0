import { describe, expect, it } from 'vitest';
import type { SitroomConfig } from '../../../../shared/config/types';
import type { EscalationLevelPaged } from '../../../../shared/events';
import {
  escalationConfig,
  type HarnessOptions,
  MINUTE,
  openHarness,
} from '../../../support/escalation-harness';
import { FakeClock } from '../../../support/fake-clock';
import { tempDataDir } from '../../../support/hub';

// Deadlines live in the log (each page's dueNext), not in the process: a hub that restarts —
// after a crash, at any moment — pages every level exactly once and never early. Each "restart"
// is a second engine, writer and state opened on the same SQLite file.

const T0 = Date.parse('2026-02-01T03:00:00Z');
const config: SitroomConfig = escalationConfig({
  policies: [
    {
      id: 'p',
      levels: [
        { notify: [{ kind: 'user', id: 'alice' }], escalateAfterMinutes: 5 },
        { notify: [{ kind: 'user', id: 'bob' }], escalateAfterMinutes: 10 },
      ],
      repeat: 0,
    },
  ],
  defaultPolicy: 'p',
});

const repeating: SitroomConfig = {
  ...config,
  policies: config.policies.map((policy) => ({ ...policy, repeat: 1 })),
};

function hub(dataDir: string, at: number, cfg = config) {
  const options: HarnessOptions = { dataDir, config: cfg, clock: new FakeClock(at) };
  return openHarness(options);
}

const levels = (h: ReturnType<typeof hub>, id: string): number[] =>
  h.events(id, 'escalation_level_paged').map((event) => (event as EscalationLevelPaged).level);

describe('escalation across restarts', () => {
  it('fires a deadline missed while the hub was down once, on start', async () => {
    const dir = tempDataDir('sitroom-escalation-');
    const first = hub(dir, T0, repeating);
    const id = await first.open('g1');
    await first.clock.advance(MINUTE);
    first.crash();

    const second = hub(dir, T0 + 30 * MINUTE, repeating);
    await second.clock.advance(0);
    expect(levels(second, id)).toEqual([1, 2]);
    expect(second.events(id, 'escalation_level_paged')[1]).toMatchObject({
      at: T0 + 30 * MINUTE,
      actor: { kind: 'system' },
      // The next level's ten minutes count from the late page, so people get all of them.
      dueNext: T0 + 40 * MINUTE,
    });
    await second.close();

    const third = hub(dir, T0 + 31 * MINUTE, repeating);
    await third.clock.advance(9 * MINUTE - 1);
    expect(levels(third, id)).toEqual([1, 2]);
    await third.close();
  });

  it('fires nothing early after a restart before the deadline', async () => {
    const dir = tempDataDir('sitroom-escalation-');
    const first = hub(dir, T0);
    const id = await first.open('g1');
    first.crash();

    const second = hub(dir, T0 + 2 * MINUTE);
    await second.clock.advance(3 * MINUTE - 1);
    expect(levels(second, id)).toEqual([1]);
    await second.clock.advance(1);
    expect(levels(second, id)).toEqual([1, 2]);
    expect(second.events(id, 'escalation_level_paged')[1]?.at).toBe(T0 + 5 * MINUTE);
    await second.close();
  });

  it('never pages again a level already in the log, and keeps its clock', async () => {
    const dir = tempDataDir('sitroom-escalation-');
    const first = hub(dir, T0, repeating);
    const id = await first.open('g1');
    await first.clock.advance(5 * MINUTE); // level 2 at T0+5, due next at T0+15
    first.crash();

    const second = hub(dir, T0 + 5 * MINUTE, repeating);
    await second.clock.advance(10 * MINUTE - 1);
    expect(levels(second, id)).toEqual([1, 2]);
    await second.clock.advance(1);
    expect(levels(second, id)).toEqual([1, 2, 1]);
    await second.close();
  });

  it('stays stopped after an acknowledgement made before the restart', async () => {
    const dir = tempDataDir('sitroom-escalation-');
    const first = hub(dir, T0);
    const id = await first.open('g1');
    await first.command('alice', 'acknowledge', id);
    first.crash();

    const second = hub(dir, T0 + 60 * MINUTE);
    await second.clock.advance(60 * MINUTE);
    expect(levels(second, id)).toEqual([1]);
    await second.close();
  });

  it('starts on start-up the escalation of an open incident that has none yet', async () => {
    const dir = tempDataDir('sitroom-escalation-');
    const first = hub(dir, T0, { ...config, defaultPolicy: null });
    const id = await first.open('g1');
    expect(first.incident(id).escalation).toBeUndefined();
    await first.close();

    const second = hub(dir, T0 + MINUTE);
    await second.settle();
    expect(levels(second, id)).toEqual([1]);
    await second.close();
  });
});
