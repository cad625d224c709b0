import { describe, expect, it } from 'vitest';
import {
  actionAvailability,
  canAct,
  INCIDENT_ACTION_IDS,
  INCIDENT_ACTIONS,
} from '../../../../../renderer/incident/actions/action-catalog';
import { incident } from '../../incident-fixtures';

const open = incident({ id: 'INC-4' });
const resolved = incident({ id: 'INC-5', resolvedAt: Date.UTC(2026, 10, 27, 5) });

describe('actionAvailability', () => {
  it('offers a commander every action that fits the incident', () => {
    for (const id of INCIDENT_ACTION_IDS) {
      expect(actionAvailability(id, 'commander', open).kind).toBe(id === 'reopen' ? 'hidden' : 'enabled');
    }
  });

  it('lets an operator acknowledge but not resolve, and says why', () => {
    expect(actionAvailability('acknowledge', 'operator', open)).toEqual({ kind: 'enabled' });
    expect(actionAvailability('add_note', 'operator', open)).toEqual({ kind: 'enabled' });
    expect(actionAvailability('resolve', 'operator', open)).toEqual({
      kind: 'disabled',
      reason: 'Resolve needs the commander role; you are signed in as operator.',
      needs: 'commander',
    });
  });

  it('says an incident a person acknowledged is acknowledged, before the press; an auto-ack does not count', () => {
    const acked = {
      ...open,
      acknowledgedAt: open.openedAt + 1,
      acknowledgedBy: { kind: 'user' as const, id: 'olive' },
    };
    expect(actionAvailability('acknowledge', 'operator', acked)).toEqual({
      kind: 'disabled',
      reason: 'INC-4 is already acknowledged.',
    });
    const autoAcked = { ...acked, acknowledgedBy: { kind: 'integration' as const, id: 'prom' } };
    expect(actionAvailability('acknowledge', 'operator', autoAcked)).toEqual({ kind: 'enabled' });
  });

  it('says you are already in command before the press, rather than a refusal naming your id after it', () => {
    const commanded = { ...open, commander: 'olive' };
    expect(actionAvailability('take_command', 'commander', commanded, undefined, 'olive')).toEqual({
      kind: 'disabled',
      reason: 'You are already in command of INC-4.',
    });
    // Someone else's command can be taken over; who is asking unknown, the hub decides.
    expect(actionAvailability('take_command', 'commander', commanded, undefined, 'dana').kind).toBe(
      'enabled',
    );
    expect(actionAvailability('take_command', 'commander', commanded).kind).toBe('enabled');
  });

  it('lets a viewer do nothing', () => {
    for (const id of INCIDENT_ACTION_IDS)
      expect(actionAvailability(id, 'viewer', open).kind).not.toBe('enabled');
    expect(canAct('viewer')).toBe(false);
    expect(canAct('operator')).toBe(true);
  });

  it('offers reopen instead of resolve once resolved, but still lets people try the rest', () => {
    expect(actionAvailability('resolve', 'admin', resolved).kind).toBe('hidden');
    expect(actionAvailability('set_status', 'admin', resolved).kind).toBe('hidden');
    expect(actionAvailability('reopen', 'admin', resolved).kind).toBe('enabled');
    // The hub explains "already resolved by …" better than a greyed-out button would.
    expect(actionAvailability('acknowledge', 'operator', resolved).kind).toBe('enabled');
  });

  it('gives every action its own key', () => {
    const keys = INCIDENT_ACTION_IDS.map((id) => INCIDENT_ACTIONS[id].key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('x');
    // "g" starts the go-to sequences ("g b", "g e").
    expect(keys).not.toContain('g');
  });
});
