import { describe, expect, it } from 'vitest';
import { type CommandContext, planCommand } from '../../../../shared/command-plan';
import type { Command, CommandRejection } from '../../../../shared/commands';
import type { Incident, IncidentMap } from '../../../../shared/domain';
import type { HubEvent, NewEvent } from '../../../../shared/events';
import { buildCatalogGraph, type CatalogGraph } from '../../../../shared/impact/catalog-graph';
import { applyEvents } from '../../../../shared/reducer';
import { firingAlert } from '../../renderer/incident-fixtures';

// notify_impacted as the planner sees it (the hub and a console run the same code): which teams it
// records as told, why it refuses, and how the fold remembers who was told when.

const graph = buildCatalogGraph({
  services: [
    { id: 'db', name: 'DB', team: 'data', tier: 1, dependsOn: [] },
    { id: 'api', name: 'API', team: 'payments', tier: 1, dependsOn: ['db'] },
    { id: 'report', name: 'Reports', team: 'finance', tier: 3, dependsOn: ['db'] },
  ],
  teams: [
    { id: 'data', name: 'Data', members: [], channels: [{ kind: 'webhook', host: 'paging.example.org' }] },
    { id: 'payments', name: 'Payments', members: [], channels: [{ kind: 'slack', host: 'hooks.slack.com' }] },
    { id: 'finance', name: 'Finance', members: [], channels: [] },
  ],
});

function openIncident(services: ReadonlyArray<string | null>): IncidentMap {
  const base = { actor: { kind: 'integration', id: 'prom' } as const, incidentId: 'INC-1', at: 1 };
  const events: HubEvent[] = [
    {
      ...base,
      seq: 1,
      type: 'incident_opened',
      title: 't',
      severity: 'sev1',
      source: 'alertmanager',
      groupKey: 'g',
    },
    ...services.map(
      (service, i): HubEvent => ({
        ...base,
        seq: i + 2,
        type: 'alert_fired',
        alert: { ...firingAlert(`fp-${i}`, 'sev1'), service },
      }),
    ),
  ];
  return applyEvents({}, events);
}

function plan(incidents: IncidentMap, catalog: CatalogGraph | null = graph, now = 5_000) {
  const command: Command = {
    commandId: '01J0000000000000000000000A',
    type: 'notify_impacted',
    incidentId: 'INC-1',
  };
  const ctx: CommandContext = {
    user: { id: 'dana', name: 'Dana', role: 'commander' },
    now,
    userExists: () => true,
    runbookSteps: () => [],
    catalogGraph: () => catalog,
  };
  return planCommand(command, { incident: (id) => incidents[id], openIncidentFor: () => undefined }, ctx);
}

function fold(incidents: IncidentMap, planned: NewEvent[] | CommandRejection): Incident {
  if (!Array.isArray(planned)) throw new Error(`refused: ${planned.message}`);
  const events = planned.map((event, i) => ({ ...event, seq: 100 + i }) as HubEvent);
  const incident = applyEvents(incidents, events)['INC-1'];
  if (!incident) throw new Error('incident gone');
  return incident;
}

describe('notify_impacted', () => {
  it('records the owners and the downstream teams that have a channel, and names the rest', () => {
    const planned = plan(openIncident(['db']));
    expect(planned).toEqual([
      expect.objectContaining({
        type: 'teams_notified',
        actor: { kind: 'user', id: 'dana' },
        teams: [
          { teamId: 'data', channels: [{ kind: 'webhook', host: 'paging.example.org' }] },
          { teamId: 'payments', channels: [{ kind: 'slack', host: 'hooks.slack.com' }] },
        ],
        unreachable: ['finance'],
      }),
    ]);
  });

  it('folds into notifiedTeams, and a second notify tells everyone again with the new time', () => {
    const incidents = openIncident(['db']);
    const first = fold(incidents, plan(incidents, graph, 5_000));
    expect(first.notifiedTeams).toEqual([
      { teamId: 'data', at: 5_000 },
      { teamId: 'payments', at: 5_000 },
    ]);
    const again = fold({ 'INC-1': first }, plan({ 'INC-1': first }, graph, 9_000));
    expect(again.notifiedTeams).toEqual([
      { teamId: 'data', at: 9_000 },
      { teamId: 'payments', at: 9_000 },
    ]);
    expect(again.humanInvolved).toBe(true);
  });

  it('refuses, saying why, when there is nobody to notify', () => {
    const refusal = (incidents: IncidentMap, catalog: CatalogGraph | null = graph) => {
      const answer = plan(incidents, catalog);
      return Array.isArray(answer) ? 'accepted' : answer.message;
    };
    expect(refusal(openIncident(['db']), null)).toMatch(/No service catalog is configured/);
    expect(refusal(openIncident([null]))).toMatch(/INC-1 names no service/);
    expect(refusal(openIncident(['ghost']))).toMatch(/\(ghost\) are not in the service catalog/);
    expect(refusal(openIncident(['report']))).toMatch(/No affected team has a notify channel.*\(Finance\)/);
  });

  it('names the first few when nobody can be notified, however big the catalog', () => {
    // A storm's alerts named 2,000 services missing from the catalog, and a big catalog's teams
    // all lacked channels: each refusal listed every one, kilobytes in the console and the log.
    const many = Array.from({ length: 2_000 }, (_, i) => `svc-${i}-${'x'.repeat(200)}`);
    const ghosts = plan(openIncident(many));
    if (Array.isArray(ghosts)) throw new Error('expected a refusal');
    expect(ghosts.message).toMatch(/\(svc-0-x+…, svc-1-x+…, svc-2-x+…, svc-3-x+…, svc-4-x+… and 1995 more\)/);
    expect(ghosts.message.length).toBeLessThan(500);

    const teams = Array.from({ length: 3_000 }, (_, i) => `team-${i}`);
    const silent = buildCatalogGraph({
      services: [
        { id: 'db', name: 'DB', team: 'team-0', tier: 1, dependsOn: [] },
        ...teams
          .slice(1)
          .map((team, i) => ({ id: `s${i}`, name: `S${i}`, team, tier: 2 as const, dependsOn: ['db'] })),
      ],
      teams: teams.map((id) => ({ id, name: `Team ${id}`, members: [], channels: [] })),
    });
    const nobody = plan(openIncident(['db']), silent);
    if (Array.isArray(nobody)) throw new Error('expected a refusal');
    expect(nobody.message).toMatch(
      /^No affected team has a notify channel in services\.yaml \(Team team-0, Team team-\d+, Team team-\d+, Team team-\d+, Team team-\d+ and 2995 more\), so there is nobody to notify\.$/,
    );
  });

  it('refuses a resolved incident', () => {
    const incidents = openIncident(['db']);
    const resolved = applyEvents(incidents, [
      {
        seq: 50,
        at: 7,
        actor: { kind: 'user', id: 'dana' },
        incidentId: 'INC-1',
        type: 'incident_resolved',
        reason: 'manual',
      },
    ]);
    const answer = plan(resolved);
    expect(answer).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already resolved/) });
  });
});
