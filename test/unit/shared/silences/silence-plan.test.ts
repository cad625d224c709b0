import { describe, expect, it } from 'vitest';
import { planCommand } from '../../../../shared/command-plan';
import { type Command, commandRole, commandSchema } from '../../../../shared/commands';
import { applyEvents } from '../../../../shared/reducer';
import { LOCAL_USER } from '../../../../shared/roles';
import { alert, numbered, opened } from '../../../support/fixtures';

// silence and expire_silence as the planner sees them: where the alerts came from decides where
// the silence goes, and the hub's configuration narrows that to Alertmanagers it can reach.

const board = applyEvents(
  {},
  numbered([
    opened('INC-1'),
    {
      type: 'alert_fired',
      incidentId: 'INC-1',
      at: 1_000,
      actor: { kind: 'integration', id: 'prom-dc1' },
      alert: alert('a1', { integration: 'prom-dc1', labels: { alertname: 'DiskFull', instance: 'db-1' } }),
    },
    {
      type: 'alert_fired',
      incidentId: 'INC-1',
      at: 1_000,
      actor: { kind: 'integration', id: 'prom-dc1' },
      alert: alert('a2', { integration: 'prom-dc1', labels: { alertname: 'DiskFull', instance: 'db-2' } }),
    },
    opened('INC-2'),
    {
      type: 'alert_fired',
      incidentId: 'INC-2',
      at: 1_000,
      actor: { kind: 'system' },
      alert: alert('p1', { source: 'pagerduty' }),
    },
  ]),
);
const view = { incident: (id: string) => board[id], openIncidentFor: () => undefined };
const ctx = { user: LOCAL_USER, now: 60_000, userExists: () => true, runbookSteps: () => [] };
const silence = (incidentId: string, extra: Record<string, unknown> = {}): Command =>
  commandSchema.parse({
    commandId: '01J0000000000000000000000A',
    type: 'silence',
    incidentId,
    minutes: 30,
    comment: 'rebuilding',
    ...extra,
  });

describe('planning silence', () => {
  it('requests a silence in the Alertmanager the alerts came from, with derived matchers', () => {
    expect(planCommand(silence('INC-1'), view, { ...ctx, silenceable: (ids) => ids })).toEqual([
      {
        type: 'silence_requested',
        incidentId: 'INC-1',
        at: 60_000,
        actor: { kind: 'user', id: 'local' },
        requestId: '01J0000000000000000000000A',
        matchers: [
          { name: 'alertname', value: 'DiskFull', isRegex: false, isEqual: true },
          { name: 'instance', value: 'db-1|db-2', isRegex: true, isEqual: true },
        ],
        minutes: 30,
        comment: 'rebuilding',
        endsAt: 60_000 + 30 * 60_000,
        integrations: ['prom-dc1'],
      },
    ]);
  });

  it('keeps the matchers the operator wrote', () => {
    const matchers = [{ name: 'alertname', value: 'DiskFull', isRegex: false, isEqual: true }];
    const planned = planCommand(silence('INC-1', { matchers }), view, ctx);
    expect(Array.isArray(planned) && planned[0]).toMatchObject({ matchers });
  });

  it('refuses when no Alertmanager can be reached, saying why', () => {
    expect(planCommand(silence('INC-1'), view, { ...ctx, silenceable: () => [] })).toEqual({
      code: 'conflict',
      message:
        "INC-1's alerts came through prom-dc1, and integrations.yaml gives none of them an api_url; Sitroom cannot reach that Alertmanager.",
    });
    expect(planCommand(silence('INC-2'), view, ctx)).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/None of INC-2's alerts came from an Alertmanager integration/),
    });
  });

  it('asks every Alertmanager of the incident to expire a silence', () => {
    const expire = commandSchema.parse({
      commandId: '01J0000000000000000000000B',
      type: 'expire_silence',
      incidentId: 'INC-1',
      silenceId: '6f1c2c4e-0b7a-4d3e-9a53-1c2d3e4f5a6b',
    });
    expect(planCommand(expire, view, ctx)).toMatchObject([
      {
        type: 'silence_expire_requested',
        silenceId: '6f1c2c4e-0b7a-4d3e-9a53-1c2d3e4f5a6b',
        integrations: ['prom-dc1'],
      },
    ]);
    expect(
      commandSchema.safeParse({ ...expire, silenceId: '../../api/v2/alerts' }).error?.issues[0]?.message,
    ).toBe('must be an Alertmanager silence id');
  });

  it('needs the silence role from the configuration, commander by default', () => {
    expect(commandRole('silence')).toBe('commander');
    expect(commandRole('expire_silence', 'operator')).toBe('operator');
    expect(commandRole('acknowledge', 'admin')).toBe('operator');
  });
});
