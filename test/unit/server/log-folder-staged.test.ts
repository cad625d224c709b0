import { describe, expect, it } from 'vitest';
import { planIngest } from '../../../server/ingest/grouping';
import { HubState } from '../../../server/state';
import { LogFolder } from '../../../server/store/log-folder';
import { planBatch } from '../../../server/store/plan-batch';
import type { Pending, Plan } from '../../../server/store/writer';
import type { NewEvent } from '../../../shared/events';
import { alert, batch } from '../../support/fixtures';

// The fold of a hub's own commit takes the incidents its planning staged, but only when they are
// what folding would make: staged from the state as it still is, and holding every incident the
// events touch. Otherwise it folds as always.

const view = { missed: [], commands: new Map(), nextIncidentNumber: 1, leading: true } as const;
const noLog = { eventsOfIncident: async () => [] };

function plan(make: Plan): Pending {
  return { kind: 'plan', handsOver: true, plan: make, resolve: () => {}, reject: () => {} };
}

describe('LogFolder with staged incidents', () => {
  it('takes the staged incidents themselves when they fit', async () => {
    const state = new HubState([], 0);
    const planned = planBatch(
      [
        plan((plans) =>
          planIngest(batch('g', [alert('a')]), plans.openIncidentFor('g'), plans.newIncidentId),
        ),
      ],
      state,
      view,
      () => 0,
    );
    await new LogFolder(state, noLog).fold(planned.write.events, planned.staged);
    expect(state.incident('INC-1')).toBe(planned.staged?.incidents.get('INC-1'));
    expect(state.openIncidentFor('g')?.id).toBe('INC-1');
  });

  it('folds as usual when an incident the events touch was not there to be staged', async () => {
    const state = new HubState([], 0);
    const folder = new LogFolder(state, noLog);
    const opened = planBatch(
      [
        plan((plans) =>
          planIngest(batch('g', [alert('a')]), plans.openIncidentFor('g'), plans.newIncidentId),
        ),
      ],
      state,
      view,
      () => 0,
    );
    await folder.fold(opened.write.events, opened.staged);
    // Planned while INC-1 was out of memory (let go of, and brought back before the fold).
    const note: NewEvent = {
      at: 7,
      actor: { kind: 'system' },
      type: 'note_added',
      incidentId: 'INC-1',
      text: 'seen',
    } as NewEvent;
    const noted = planBatch([plan(() => [note])], new HubState([], state.seq), view, () => 0);
    expect(noted.staged?.incidents.has('INC-1')).toBe(false);
    await folder.fold(noted.write.events, noted.staged);
    expect(state.incident('INC-1')?.updatedSeq).toBe(state.seq);
  });

  it('folds as usual when something was folded after the incidents were staged', async () => {
    const state = new HubState([], 0);
    const folder = new LogFolder(state, noLog);
    const first = planBatch(
      [
        plan((plans) =>
          planIngest(batch('g', [alert('a')]), plans.openIncidentFor('g'), plans.newIncidentId),
        ),
      ],
      state,
      view,
      () => 0,
    );
    const stale = { afterSeq: 1, incidents: first.staged?.incidents ?? new Map() };
    await folder.fold(first.write.events, stale);
    expect(state.incident('INC-1')).not.toBe(first.staged?.incidents.get('INC-1'));
    expect(JSON.stringify(state.incident('INC-1'))).toBe(
      JSON.stringify(first.staged?.incidents.get('INC-1')),
    );
  });
});
