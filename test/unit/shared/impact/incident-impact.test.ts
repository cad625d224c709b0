import { describe, expect, it } from 'vitest';
import { incidentImpact } from '../../../../shared/impact/incident-impact';
import { graphOf, incidentOn } from './impact-fixtures';

// An incident's blast radius: what depends on its services, most critical and nearest first,
// and the teams to tell — owners first.

describe('incident impact', () => {
  it('lists the services downstream, by tier, then distance, then id', () => {
    // db ← api (tier 2) ← web (tier 1) ; db ← report (tier 3) ; db ← batch, alpha (tier 1)
    const graph = graphOf(
      { db: [], api: ['db'], web: ['api'], report: ['db'], batch: ['db'], alpha: ['db'] },
      { tiers: { db: 1, api: 2, web: 1, report: 3, batch: 1, alpha: 1 } },
    );
    const impact = incidentImpact(graph, incidentOn(['db']));
    expect(impact.services.map((s) => [s.id, s.tier, s.distance])).toEqual([
      ['alpha', 1, 1],
      ['batch', 1, 1],
      ['web', 1, 2],
      ['api', 2, 1],
      ['report', 3, 1],
    ]);
    expect(impact.services[1]).toEqual({
      id: 'batch',
      name: 'BATCH',
      team: 'team-batch',
      tier: 1,
      distance: 1,
    });
  });

  it("counts distance from the nearest of the incident's services and leaves those services out", () => {
    const graph = graphOf({ db: [], cache: ['db'], api: ['cache'], web: ['api', 'cache'] });
    const impact = incidentImpact(graph, incidentOn(['db', 'cache']));
    expect(impact.services.map((s) => [s.id, s.distance])).toEqual([
      ['api', 1],
      ['web', 1],
    ]);
  });

  it('names owners first, then the teams downstream, each once', () => {
    const graph = graphOf(
      { db: [], api: ['db'], web: ['api'], admin: ['db'] },
      { teams: { db: 'data', api: 'payments', web: 'payments', admin: 'data' } },
    );
    const impact = incidentImpact(graph, incidentOn(['db']));
    expect(impact.teams.map((t) => [t.id, t.owner])).toEqual([
      ['data', true],
      ['payments', false],
    ]);
    expect(impact.teams[0]).toMatchObject({ name: 'Team data', notified: false, notifiedAt: null });
  });

  it('says which teams were told and when', () => {
    const graph = graphOf({ db: [], api: ['db'] });
    const incident = { ...incidentOn(['db']), notifiedTeams: [{ teamId: 'team-api', at: 1_000 }] };
    const teams = incidentImpact(graph, incident).teams;
    expect(teams.map((t) => [t.id, t.notified, t.notifiedAt])).toEqual([
      ['team-db', false, null],
      ['team-api', true, 1_000],
    ]);
  });

  it('ends on cycles and gives an unknown service no downstream and no team', () => {
    const graph = graphOf({ a: ['b'], b: ['a'] });
    expect(incidentImpact(graph, incidentOn(['a'])).services.map((s) => s.id)).toEqual(['b']);
    expect(incidentImpact(graph, incidentOn(['nowhere']))).toEqual({ services: [], teams: [] });
  });
});
