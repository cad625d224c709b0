import { afterEach } from 'vitest';
import type { SitroomConfig } from '../../../../shared/config/types';
import type { EscalationLevelPaged } from '../../../../shared/events';
import { type EscalationHarness, escalationConfig, openHarness } from '../../../support/escalation-harness';
import { FakeClock } from '../../../support/fake-clock';
import { tempDataDir } from '../../../support/hub';

// The policies the ladder tests walk: a rotation, a two-level policy that repeats once, and a
// one-level policy for a route.

export const T0 = Date.parse('2026-01-05T10:00:00Z'); // alice is on call (08:00–20:00 UTC), bob after

export const config: SitroomConfig = escalationConfig({
  rotations: [
    {
      id: 'primary',
      timezone: 'UTC',
      handoff: '08:00',
      shiftHours: 12,
      participants: ['alice', 'bob'],
      start: '2026-01-05',
      overrides: [],
    },
  ],
  policies: [
    {
      id: 'standard',
      levels: [
        { notify: [{ kind: 'rotation', id: 'primary' }], escalateAfterMinutes: 5 },
        {
          notify: [
            { kind: 'user', id: 'dana' },
            { kind: 'team', id: 'sre' },
          ],
          escalateAfterMinutes: 10,
        },
      ],
      repeat: 1,
    },
    {
      id: 'db-critical',
      levels: [{ notify: [{ kind: 'user', id: 'eve' }], escalateAfterMinutes: 2.5 }],
      repeat: 0,
    },
  ],
  routes: [{ match: { service: 'db', severity: 'sev1', team: null }, policy: 'db-critical' }],
  defaultPolicy: 'standard',
});

/** A fresh harness per test (closed after it) and the pages it recorded, in test terms. */
export function ladderHarnessPerTest() {
  let harness: EscalationHarness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });
  const start = (at = T0, cfg: SitroomConfig = config): EscalationHarness => {
    harness = openHarness({
      dataDir: tempDataDir('sitroom-escalation-'),
      config: cfg,
      clock: new FakeClock(at),
    });
    return harness;
  };
  const pages = (
    id: string,
  ): Array<Pick<EscalationLevelPaged, 'level' | 'cycle' | 'targets' | 'at' | 'dueNext'>> =>
    (harness?.events(id, 'escalation_level_paged') ?? []).map((event) => {
      const { level, cycle, targets, at, dueNext } = event as EscalationLevelPaged;
      return { level, cycle, targets, at, dueNext };
    });
  return { start, pages };
}
