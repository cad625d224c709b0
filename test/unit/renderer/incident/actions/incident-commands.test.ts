import { describe, expect, it } from 'vitest';
import { buildCommand } from '../../../../../renderer/incident/actions/incident-commands';
import { commandSchema } from '../../../../../shared/commands';

describe('buildCommand', () => {
  it('fills in the incident and a fresh ULID the hub accepts', () => {
    const first = buildCommand('INC-4', { type: 'acknowledge' });
    const second = buildCommand('INC-4', { type: 'acknowledge' });
    expect(first).toMatchObject({ type: 'acknowledge', incidentId: 'INC-4' });
    expect(first.commandId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(second.commandId).not.toBe(first.commandId);
    expect(commandSchema.parse(first)).toEqual(first);
  });

  it('keeps what the operator chose', () => {
    const cases = [
      buildCommand('INC-4', { type: 'assign_commander', userId: 'dana' }),
      buildCommand('INC-4', { type: 'add_responder', userId: 'alice' }),
      buildCommand('INC-4', { type: 'remove_responder', userId: 'alice' }),
      buildCommand('INC-4', { type: 'set_severity', severity: 'sev1' }),
      buildCommand('INC-4', { type: 'set_status', status: 'resolved' }),
      buildCommand('INC-4', { type: 'add_note', text: '<img src=x onerror="window.__xss=1">' }),
      buildCommand('INC-4', { type: 'merge', intoIncidentId: 'INC-2' }),
      buildCommand('INC-4', { type: 'complete_runbook_step', stepId: 'page-the-dba-on-call' }),
    ];
    for (const command of cases) expect(commandSchema.parse(command)).toEqual(command);
    expect(cases[5]).toMatchObject({ text: '<img src=x onerror="window.__xss=1">' });
  });

  it('uses a given command id, so a retry is the same command', () => {
    const id = '01JDQ3Z8Y7X6W5V4T3S2R1Q0P9';
    expect(buildCommand('INC-4', { type: 'reopen' }, id).commandId).toBe(id);
  });
});
