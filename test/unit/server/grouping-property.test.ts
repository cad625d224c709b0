import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planIngest } from '../../../server/ingest/grouping';
import { ownValue } from '../../../shared/dict';
import type { Incident } from '../../../shared/domain';
import { applyEvents } from '../../../shared/reducer';
import { alert, batch } from '../../support/fixtures';

// The planner looks only at the alerts a delivery names and keeps the incident's firing count
// itself. Whatever the deliveries, what it decides must match what the folded incident says:
// an incident resolves itself exactly when its last firing alert resolves and nobody is involved,
// and a repeat delivery adds nothing.

const delivery = fc.record({
  group: fc.constantFrom('g1', 'g2'),
  // Few fingerprints, so bodies repeat, fire and resolve the same alerts, also within one body.
  alerts: fc.array(fc.record({ fingerprint: fc.constantFrom('a', 'b', 'c', 'd'), firing: fc.boolean() }), {
    minLength: 1,
    maxLength: 6,
  }),
  acknowledge: fc.boolean(),
});

describe('planIngest against the folded incidents', () => {
  it('resolves an incident itself exactly when its last firing alert resolves', () => {
    fc.assert(
      fc.property(fc.array(delivery, { maxLength: 30 }), (deliveries) => {
        let incidents: Record<string, Incident> = {};
        let seq = 0;
        let next = 1;
        for (const one of deliveries) {
          const open = Object.values(incidents).find(
            (i) => i.groupKey === one.group && i.status !== 'resolved',
          );
          const body = batch(
            one.group,
            one.alerts.map(({ fingerprint, firing }) =>
              alert(fingerprint, firing ? {} : { status: 'resolved', endsAt: 9_000 }),
            ),
            { acknowledge: one.acknowledge },
          );
          const planned = planIngest(body, open, () => `INC-${next++}`);
          incidents = {
            ...applyEvents(
              incidents,
              planned.map((event) => ({ ...event, seq: ++seq }) as never),
            ),
          };
          const first = planned[0];
          if (!first) continue;
          const after = incidents[first.incidentId];
          if (!after) throw new Error(`planned events for ${first.incidentId}, which is not folded`);
          const firing = Object.values(after.alerts).filter((a) => a.status === 'firing').length;
          expect(after.firingCount).toBe(firing);
          const resolvedNow = planned.some((event) => event.type === 'incident_resolved');
          const resolvedAny = planned.some((event) => event.type === 'alert_resolved');
          expect(resolvedNow).toBe(resolvedAny && firing === 0 && !after.humanInvolved);
        }
        // Delivering the last body again opens nothing and fires nothing already firing.
        const last = deliveries.at(-1);
        if (!last) return;
        const open = Object.values(incidents).find(
          (i) => i.groupKey === last.group && i.status !== 'resolved',
        );
        if (!open) return;
        const again = batch(
          last.group,
          last.alerts.map(({ fingerprint, firing }) =>
            alert(fingerprint, firing ? {} : { status: 'resolved', endsAt: 9_000 }),
          ),
        );
        const repeat = planIngest(again, open, () => 'never');
        // An alert the incident already has firing is fired again only after this body resolved it.
        const resolvedHere = new Set<string>();
        for (const event of repeat) {
          if (event.type === 'alert_resolved') resolvedHere.add(event.fingerprint);
          if (event.type === 'alert_fired' && !resolvedHere.has(event.alert.fingerprint))
            expect(ownValue(open.alerts, event.alert.fingerprint)?.status).not.toBe('firing');
        }
        expect(repeat.filter((event) => event.type === 'incident_opened')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
