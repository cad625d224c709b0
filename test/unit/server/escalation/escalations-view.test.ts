import { afterEach, describe, expect, it } from 'vitest';
import type { SitroomConfig } from '../../../../shared/config/types';
import {
  type EscalationHarness,
  escalationConfig,
  MINUTE,
  openHarness,
} from '../../../support/escalation-harness';
import { FakeClock } from '../../../support/fake-clock';
import { tempDataDir } from '../../../support/hub';

// GET /api/v1/escalations as the NOC reads it: what is running, who is paged, who is next and
// when — with "who is next" asked of the rotation at the time of the next page — and who holds
// each rotation now.

const T0 = Date.parse('2026-01-05T19:50:00Z'); // alice until 20:00, then bob
const config: SitroomConfig = escalationConfig({
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
      id: 'p',
      levels: [
        { notify: [{ kind: 'user', id: 'dana' }], escalateAfterMinutes: 15 },
        { notify: [{ kind: 'rotation', id: 'primary' }], escalateAfterMinutes: 5 },
      ],
      repeat: 0,
    },
  ],
  defaultPolicy: 'p',
});

let harness: EscalationHarness;
afterEach(async () => {
  await harness.close();
});

describe('escalationsView', () => {
  it('lists running escalations with who is next and when, and each rotation on call', async () => {
    harness = openHarness({ dataDir: tempDataDir('sitroom-view-'), config, clock: new FakeClock(T0) });
    const running = await harness.open('g1', { severity: 'sev1' });
    const acked = await harness.open('g2');
    await harness.command('alice', 'acknowledge', acked);

    const view = harness.escalations.view();
    expect(view.escalations).toEqual([
      {
        incidentId: running,
        title: 'group g1',
        severity: 'sev1',
        policyId: 'p',
        level: 1,
        levels: 2,
        cycle: 0,
        pagedUserIds: ['dana'],
        // Nobody in this config has a webhook or a team channel: every page reaches nobody.
        unreachableUserIds: ['dana'],
        pagedAt: new Date(T0).toISOString(),
        // Level 2 pages the rotation at 20:05, when bob has it, not alice who has it now.
        next: {
          level: 2,
          cycle: 0,
          userIds: ['bob'],
          teams: [],
          unreachableUserIds: ['bob'],
          at: new Date(T0 + 15 * MINUTE).toISOString(),
        },
      },
    ]);
    expect(view.oncall).toEqual([
      {
        rotationId: 'primary',
        timezone: 'UTC',
        userId: 'alice',
        since: '2026-01-05T08:00:00.000Z',
        until: '2026-01-05T20:00:00.000Z',
        nextUserId: 'bob',
      },
    ]);

    await harness.clock.advance(15 * MINUTE);
    expect(harness.escalations.view().escalations[0]).toMatchObject({
      level: 2,
      pagedUserIds: ['bob'],
      next: null,
    });
  });
});
