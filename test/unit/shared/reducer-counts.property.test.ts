import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../shared/events';
import { applyEvents, applyEventsTo, type IncidentDrafts } from '../../../shared/reducer';
import { alert, numbered, opened } from '../../support/fixtures';

// An incident's alert and firing counts are kept by each alert as it changes, never by walking
// all its alerts (a fleet's incident holds thousands). Whatever the events and however they are
// split into folds, with or without one caller's drafts shared between them, the counts are what
// a walk of the alerts gives.

const system = { kind: 'system' } as const;
const fingerprint = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const event = fc.oneof(
  fingerprint.map((fp) => ({
    type: 'alert_fired',
    incidentId: 'INC-1',
    at: 2,
    actor: system,
    alert: alert(fp),
  })),
  fingerprint.map((fp) => ({
    type: 'alert_resolved',
    incidentId: 'INC-1',
    at: 3,
    actor: system,
    fingerprint: fp,
    endsAt: 3,
  })),
  fc.array(fingerprint, { minLength: 1, maxLength: 3 }).chain((fps) =>
    fc.constantFrom('firing', 'resolved').map((status) => ({
      type: 'incident_absorbed',
      incidentId: 'INC-1',
      at: 4,
      actor: system,
      fromIncidentId: 'INC-9',
      groupKeys: ['other'],
      alerts: fps.map((fp) => alert(fp, { status: status as 'firing' | 'resolved', endsAt: 4 })),
    })),
  ),
);

function walked(alerts: Readonly<Record<string, { status: string }>>): { total: number; firing: number } {
  const all = Object.values(alerts);
  return { total: all.length, firing: all.filter((one) => one.status === 'firing').length };
}

describe('alert counts', () => {
  it('match a walk of the alerts, however the events are split into folds', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1 }),
        fc.boolean(),
        (raw, cuts, share) => {
          const events = numbered([opened('INC-1', 'sev3'), ...raw] as object[], 1) as HubEvent[];
          const table = new Map();
          const drafts: IncidentDrafts = new Map();
          let at = 0;
          for (let i = 0; at < events.length; i++) {
            const size = cuts[i % cuts.length] ?? 1;
            applyEventsTo(
              { get: (id) => table.get(id), set: (id, incident) => table.set(id, incident) },
              events.slice(at, at + size),
              share ? drafts : undefined,
            );
            at += size;
          }
          const incident = table.get('INC-1');
          const { total, firing } = walked(incident.alerts);
          expect(incident.alertCount).toBe(total);
          expect(incident.firingCount).toBe(firing);
          expect(applyEvents({}, events)['INC-1']).toEqual(incident);
        },
      ),
      { numRuns: 300 },
    );
  });
});
