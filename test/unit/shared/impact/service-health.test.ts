import { describe, expect, it } from 'vitest';
import { incidentImpact } from '../../../../shared/impact/incident-impact';
import { serviceHealth } from '../../../../shared/impact/service-health';
import { graphOf, incidentOn } from './impact-fixtures';

// A service is as bad as its worst open incident, and impacted by every failing service it needs.

const byId = (rows: ReturnType<typeof serviceHealth>) => new Map(rows.map((row) => [row.id, row]));

describe('service health', () => {
  it('is ok without open incidents, and the worst open severity otherwise', () => {
    const graph = graphOf({ db: [], api: ['db'] });
    expect(serviceHealth(graph, []).map((s) => [s.id, s.health])).toEqual([
      ['db', 'ok'],
      ['api', 'ok'],
    ]);
    const sev3 = incidentOn(['db'], 'sev3');
    const sev1 = incidentOn(['db'], 'sev1');
    const resolved = incidentOn(['api'], 'sev1', 'resolved');
    const db = byId(serviceHealth(graph, [sev3, sev1, resolved])).get('db');
    expect(db).toMatchObject({ health: 'sev1', openIncidents: [sev3.id, sev1.id] });
    expect(byId(serviceHealth(graph, [resolved])).get('api')?.health).toBe('ok');
  });

  it('walks a chain: everything above a failure is impacted by it, nearest failure first', () => {
    // web → api → cache → db
    const graph = graphOf({ db: [], cache: ['db'], api: ['cache'], web: ['api'] });
    const rows = byId(serviceHealth(graph, [incidentOn(['db']), incidentOn(['cache'], 'sev4')]));
    expect(rows.get('db')?.impactedBy).toEqual([]);
    expect(rows.get('cache')).toMatchObject({ health: 'sev4', impactedBy: ['db'] });
    expect(rows.get('api')?.impactedBy).toEqual(['cache', 'db']);
    expect(rows.get('web')?.impactedBy).toEqual(['cache', 'db']);
  });

  it('names a failure once through a diamond', () => {
    //   top → left → db, top → right → db
    const graph = graphOf({ db: [], left: ['db'], right: ['db'], top: ['left', 'right'] });
    const rows = byId(serviceHealth(graph, [incidentOn(['db'])]));
    expect(rows.get('top')?.impactedBy).toEqual(['db']);
    expect(rows.get('left')?.impactedBy).toEqual(['db']);
  });

  it('ends on a cycle, and a cycle member that needs a failing member is impacted', () => {
    // a → b → c → a, and d → a
    const graph = graphOf({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] });
    const rows = byId(serviceHealth(graph, [incidentOn(['c'])]));
    expect(rows.get('b')?.impactedBy).toEqual(['c']);
    expect(rows.get('a')?.impactedBy).toEqual(['c']);
    expect(rows.get('d')?.impactedBy).toEqual(['c']);
    expect(rows.get('c')).toMatchObject({ health: 'sev2', impactedBy: [] });
  });

  it('shows a service the catalog does not know as its own node: no edges, no team', () => {
    const graph = graphOf({ db: [], api: ['db'] });
    const rows = serviceHealth(graph, [incidentOn(['mystery-svc'], 'sev1')]);
    expect(rows.map((row) => row.id)).toEqual(['db', 'api', 'mystery-svc']);
    expect(rows[2]).toMatchObject({
      name: 'mystery-svc',
      team: null,
      tier: null,
      dependsOn: [],
      inCatalog: false,
      health: 'sev1',
      impactedBy: [],
    });
    expect(rows.every((row) => row.impactedBy.length === 0)).toBe(true);
  });

  it('ignores dependencies on services outside the catalog and on itself', () => {
    const graph = graphOf({ api: ['api', 'ghost'] });
    const rows = byId(serviceHealth(graph, [incidentOn(['ghost']), incidentOn(['api'])]));
    expect(rows.get('api')?.impactedBy).toEqual([]);
    expect(rows.get('ghost')?.inCatalog).toBe(false);
  });
});

describe('health and incident impact agree', () => {
  it('on random graphs with cycles: s is impacted by f exactly when s is downstream of f', () => {
    let state = 7;
    const random = (below: number): number => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return state % below;
    };
    for (let round = 0; round < 25; round++) {
      const ids = Array.from({ length: 30 }, (_, i) => `s${i}`);
      const needs = Object.fromEntries(ids.map((id) => [id, ids.filter(() => random(10) === 0)]));
      const graph = graphOf(needs);
      const failing = [...new Set(Array.from({ length: 4 }, () => `s${random(30)}`))];
      const rows = byId(
        serviceHealth(
          graph,
          failing.map((id) => incidentOn([id])),
        ),
      );
      for (const f of failing) {
        const downstream = new Set(incidentImpact(graph, incidentOn([f])).services.map((s) => s.id));
        for (const id of ids) {
          const impacted = rows.get(id)?.impactedBy.includes(f) ?? false;
          expect({ round, id, f, impacted }).toEqual({
            round,
            id,
            f,
            impacted: downstream.has(id) && id !== f,
          });
        }
      }
    }
  });
});
