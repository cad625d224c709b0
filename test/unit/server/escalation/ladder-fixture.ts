import type { SitroomConfig } from '../../../../shared/config/types';
import { escalationConfig } from '../../../support/escalation-harness';

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
