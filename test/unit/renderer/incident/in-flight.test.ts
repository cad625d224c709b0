import { describe, expect, it } from 'vitest';
import { withInFlight } from '../../../../renderer/incident/in-flight';
import type { Command } from '../../../../shared/commands';
import { applyEvents } from '../../../../shared/reducer';
import { LOCAL_USER } from '../../../../shared/roles';
import { numbered, opened } from '../../../support/fixtures';

const board = applyEvents({}, numbered([opened('INC-1', 'sev2')], 1));
const incident = board['INC-1'];
if (!incident) throw new Error('fixture');
const sent = (command: Record<string, unknown>, sentAt = 50) => ({
  command: { commandId: `01J00000000000000000000${sentAt}`, incidentId: 'INC-1', ...command } as Command,
  sentAt,
});

describe('withInFlight', () => {
  it('shows an acknowledgement just sent as done, by the signed-in user, when it was sent', () => {
    const shown = withInFlight(incident, [sent({ type: 'acknowledge' })], LOCAL_USER);
    expect(shown).toMatchObject({
      acknowledgedAt: 50,
      acknowledgedBy: { kind: 'user', id: LOCAL_USER.id },
    });
    expect(incident.acknowledgedAt).toBeNull();
  });

  it('leaves the incident as it came once the host’s overlay or the hub already shows it', () => {
    const acknowledged = withInFlight(incident, [sent({ type: 'acknowledge' }, 40)], LOCAL_USER);
    expect(withInFlight(acknowledged, [sent({ type: 'acknowledge' }, 60)], LOCAL_USER)).toBe(acknowledged);
  });

  it('ignores what was sent for another incident, and returns the same object when nothing applies', () => {
    expect(withInFlight(incident, [], LOCAL_USER)).toBe(incident);
    expect(withInFlight(incident, [sent({ type: 'acknowledge', incidentId: 'INC-9' })], LOCAL_USER)).toBe(
      incident,
    );
  });
});
