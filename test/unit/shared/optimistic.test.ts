import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/commands';
import { NO_OVERLAY, pendingOverlay } from '../../../shared/optimistic';
import { applyEvents } from '../../../shared/reducer';
import { LOCAL_USER } from '../../../shared/roles';
import { numbered, opened } from '../../support/fixtures';

const confirmed = applyEvents({}, numbered([opened('INC-1', 'sev2'), opened('INC-2', 'sev3')], 1));
const lookup = (map: typeof confirmed) => (id: string) => map[id];
const entry = (command: Record<string, unknown>) => ({
  command: { commandId: '01J0000000000000000000000A', incidentId: 'INC-1', ...command } as Command,
  queuedAt: 1,
});

describe('pendingOverlay', () => {
  it('shows pending actions applied to the incidents they touch, and lists them per incident', () => {
    const view = pendingOverlay(
      lookup(confirmed),
      [entry({ type: 'acknowledge' }), entry({ type: 'assign_commander', userId: 'dana' })],
      LOCAL_USER,
      50,
    );
    expect(view.incidents.get('INC-1')).toMatchObject({ acknowledgedAt: 50, commander: 'dana' });
    expect(view.incidents.has('INC-2')).toBe(false);
    expect(view.pendingByIncident.get('INC-1')?.map((command) => command.type)).toEqual([
      'acknowledge',
      'assign_commander',
    ]);
    expect(confirmed['INC-1']?.acknowledgedAt).toBeNull();
  });

  it('does not show as done what the hub would refuse', () => {
    const resolved = applyEvents(
      confirmed,
      numbered(
        [
          {
            type: 'incident_resolved',
            incidentId: 'INC-1',
            at: 9,
            actor: { kind: 'system' },
            reason: 'manual',
          },
        ],
        3,
      ),
    );
    const view = pendingOverlay(lookup(resolved), [entry({ type: 'acknowledge' })], LOCAL_USER, 50);
    expect(view.incidents.get('INC-1')?.acknowledgedAt ?? null).toBeNull();
    expect(view.pendingByIncident.get('INC-1')).toHaveLength(1);
  });

  it('is empty when nothing is pending', () => {
    expect(pendingOverlay(lookup(confirmed), [], LOCAL_USER, 1)).toBe(NO_OVERLAY);
  });
});
