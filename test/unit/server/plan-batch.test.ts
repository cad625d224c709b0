import { describe, expect, it } from 'vitest';
import { planIngest } from '../../../server/ingest/grouping';
import { HubState } from '../../../server/state';
import { planBatch } from '../../../server/store/plan-batch';
import type { Pending } from '../../../server/store/writer';
import type { HubEvent } from '../../../shared/events';
import { alert, batch } from '../../support/fixtures';
import { seededRandom } from '../../support/seeded-random';

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

describe('planBatch, staged incidents', () => {
  it('stages exactly the incidents that folding the committed batch makes', () => {
    const rng = seededRandom(11);
    const random = (): number => rng.next();
    const pick = <T>(items: ReadonlyArray<T>): T => rng.pick(items);
    const staged = new HubState([], 0);
    const folded = new HubState([], 0);
    let nextIncidentNumber = 1;
    for (let round = 0; round < 60; round++) {
      const pendings = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
        const alerts = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
          alert(pick(['a', 'b', 'c', 'd']), {
            status: pick(['firing', 'firing', 'resolved'] as const),
            severity: pick(['sev1', 'sev2', 'sev3', 'sev4'] as const),
            service: pick(['db', 'web', null]),
            endsAt: 9,
          }),
        );
        const group = pick(['g1', 'g2', 'g3']);
        const pending: Pending = {
          kind: 'plan',
          handsOver: random() < 0.5,
          plan: (plans) =>
            planIngest(batch(group, alerts), plans.openIncidentFor(group), plans.newIncidentId),
          resolve: () => {},
          reject: () => {},
        };
        return pending;
      });
      const planned = planBatch(pendings, staged, { ...view, nextIncidentNumber }, () => 0);
      nextIncidentNumber = planned.write.nextIncidentNumber;
      expect(planned.staged).not.toBeNull();
      staged.applyStaged(planned.write.events, planned.staged as NonNullable<typeof planned.staged>);
      folded.apply(planned.write.events);
      expect(staged.seq).toBe(folded.seq);
      const byId = (state: HubState) =>
        [...state.incidents()]
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((incident) => JSON.stringify(incident));
      expect(byId(staged)).toEqual(byId(folded));
      for (const group of ['g1', 'g2', 'g3'])
        expect(staged.openIncidentFor(group)?.id).toBe(folded.openIncidentFor(group)?.id);
    }
    expect(nextIncidentNumber).toBeGreaterThan(3);
  });

  it('stages nothing for the fold to take when a plan threw', () => {
    const failing: Pending = {
      kind: 'plan',
      handsOver: true,
      plan: () => {
        throw new Error('a bug in a plan');
      },
      resolve: () => {},
      reject: () => {},
    };
    const ok: Pending = {
      kind: 'plan',
      handsOver: true,
      plan: (plans) => planIngest(batch('g', [alert('a')]), plans.openIncidentFor('g'), plans.newIncidentId),
      resolve: () => {},
      reject: () => {},
    };
    expect(planBatch([ok], new HubState([], 0), view, () => 0).staged).not.toBeNull();
    expect(planBatch([ok, failing], new HubState([], 0), view, () => 0).staged).toBeNull();
  });
});

describe('planBatch, a big incident', () => {
  it('copies an incident once a batch, however many of its plans touch it, and never the state’s own', () => {
    // 2,000 alerts in one group, as when a fleet goes down: every plan that adds one must not copy
    // all of them again (that was O(alerts) per delivery inside the group commit).
    const state = new HubState([], 0);
    const fleet = Array.from({ length: 2_000 }, (_, i) => alert(`host-${i}`));
    const first = planBatch(
      [
        {
          kind: 'plan',
          handsOver: true,
          plan: (plans) =>
            planIngest(batch('fleet', fleet), plans.openIncidentFor('fleet'), plans.newIncidentId),
          resolve: () => {},
          reject: () => {},
        },
      ],
      state,
      view,
      () => 0,
    );
    state.apply(first.write.events);
    const before = state.openIncidentFor('fleet');
    const seen: Array<object | undefined> = [];
    const joining = (name: string): Pending => ({
      kind: 'plan',
      handsOver: true,
      plan: (plans) => {
        seen.push(plans.openIncidentFor('fleet'));
        return planIngest(batch('fleet', [alert(name)]), plans.openIncidentFor('fleet'), plans.newIncidentId);
      },
      resolve: () => {},
      reject: () => {},
    });
    const { write } = planBatch(
      [joining('new-1'), joining('new-2'), joining('new-3'), joining('new-4')],
      state,
      { ...view, nextIncidentNumber: first.write.nextIncidentNumber },
      () => 0,
    );
    expect(seen[0]).toBe(before);
    // The second plan on sees the batch's one copy, already holding what the plans before it added.
    expect(seen[1]).not.toBe(before);
    expect(seen[2]).toBe(seen[1]);
    expect(seen[3]).toBe(seen[1]);
    expect(state.openIncidentFor('fleet')).toBe(before);
    expect(before?.alertCount).toBe(2_000);
    state.apply(write.events);
    expect(state.openIncidentFor('fleet')).toMatchObject({ alertCount: 2_004, firingCount: 2_004 });
  });
});
