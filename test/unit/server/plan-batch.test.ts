import { describe, expect, it } from 'vitest';
import { planIngest } from '../../../server/ingest/grouping';
import { HubState } from '../../../server/state';
import { planBatch } from '../../../server/store/plan-batch';
import type { Pending } from '../../../server/store/writer';
import type { HubEvent } from '../../../shared/events';
import { alert, batch } from '../../support/fixtures';

// A plan that hands its events over has them numbered in place; any other plan's are copied.
// Either way the events that come out are the same, key for key and in the same order.

const view = { missed: [], commands: new Map(), nextIncidentNumber: 1, leading: true } as const;

function pendingFor(group: string, handsOver: boolean, planned: Array<ReadonlyArray<object>>): Pending {
  return {
    kind: 'plan',
    handsOver,
    plan: (plans) => {
      const events = planIngest(
        batch(group, [alert('a'), alert('b', { status: 'resolved', endsAt: 9 })]),
        plans.openIncidentFor(group),
        plans.newIncidentId,
      );
      planned.push(events);
      return events;
    },
    resolve: () => {},
    reject: () => {},
  };
}

describe('planBatch', () => {
  it('numbers handed-over events in place and copies the rest, with the same result', () => {
    const handed: Array<ReadonlyArray<object>> = [];
    const copied: Array<ReadonlyArray<object>> = [];
    const run = (handsOver: boolean, planned: Array<ReadonlyArray<object>>): ReadonlyArray<HubEvent> =>
      planBatch(
        [
          pendingFor('g1', handsOver, planned),
          pendingFor('g1', handsOver, planned),
          pendingFor('g2', handsOver, planned),
        ],
        new HubState([], 41),
        view,
        () => 0,
      ).write.events;
    const inPlace = run(true, handed);
    const asCopies = run(false, copied);
    expect(JSON.stringify(inPlace)).toBe(JSON.stringify(asCopies));
    expect(inPlace.map((event) => event.seq)).toEqual([42, 43, 44, 45]);
    expect(Object.keys(inPlace[1] as object).at(-1)).toBe('seq');
    // Handed over: the very objects the plan made. Copied: the plan's own are left as they were.
    expect(inPlace).toEqual(handed.flat());
    expect(inPlace.every((event, i) => event === handed.flat()[i])).toBe(true);
    expect(copied.flat().some((event) => 'seq' in event)).toBe(false);
  });
});

describe('planBatch, plan after plan', () => {
  const ingest = (group: string, alerts: ReturnType<typeof alert>[]): Pending => ({
    kind: 'plan',
    handsOver: true,
    plan: (plans) => planIngest(batch(group, alerts), plans.openIncidentFor(group), plans.newIncidentId),
    resolve: () => {},
    reject: () => {},
  });

  it('lets each plan see what the plans before it in the batch did', () => {
    const state = new HubState([], 0);
    const { write } = planBatch(
      [
        ingest('g1', [alert('a')]),
        ingest('g2', [alert('c')]),
        ingest('g1', [alert('b')]),
        ingest('g1', [
          alert('a', { status: 'resolved', endsAt: 9 }),
          alert('b', { status: 'resolved', endsAt: 9 }),
        ]),
        ingest('g1', [alert('a')]),
        ingest('g2', [alert('d')]),
      ],
      state,
      view,
      () => 0,
    );
    expect(write.events.map((event) => `${event.incidentId} ${event.type}`)).toEqual([
      'INC-1 incident_opened',
      'INC-1 alert_fired',
      'INC-2 incident_opened',
      'INC-2 alert_fired',
      'INC-1 alert_fired',
      'INC-1 alert_resolved',
      'INC-1 alert_resolved',
      'INC-1 incident_resolved',
      // g1's incident is over: its alert firing again opens a new one.
      'INC-3 incident_opened',
      'INC-3 alert_fired',
      'INC-2 alert_fired',
    ]);
    expect(write.nextIncidentNumber).toBe(4);
    // Planning staged, never folded: the state is as it was until the batch is committed.
    expect(state.size).toBe(0);
    state.apply(write.events);
    expect(state.openIncidentFor('g1')?.id).toBe('INC-3');
    expect(state.openIncidentFor('g2')?.alertCount).toBe(2);
  });
});
