import { afterAll, describe, expect, it } from 'vitest';
import { type LoadResult, loadConfig } from '../../../server/config/load';
import { findDependencyCycles } from '../../../shared/config/dependency-cycles';
import type { Service } from '../../../shared/config/types';
import { configFolder, lines, removeConfigFolders } from './config-folder';

// Catalogs with dependency cycles load: each cycle is named once, at the file and line of the
// depends_on entry that closes it, and nothing else about the folder changes.

afterAll(removeConfigFolders);

async function load(services: string): Promise<Extract<LoadResult, { ok: true }>> {
  const result = await loadConfig(configFolder({ 'escalation.yaml': null, 'services.yaml': services }));
  if (!result.ok) throw new Error(`expected the folder to load: ${JSON.stringify(result.errors)}`);
  return result;
}

const cycleWarnings = (result: Extract<LoadResult, { ok: true }>): string[] =>
  result.warnings.filter((warning) => warning.startsWith('services.yaml:'));

describe('dependency cycles in services.yaml', () => {
  it('accepts a cycle of two and names it once, where it closes', async () => {
    const result = await load(
      lines(
        'teams: [{ id: identity, name: Identity }]', //                                            1
        'services:', //                                                                            2
        '  - { id: auth-api, name: Auth, team: identity, tier: 1, depends_on: [user-service] }', // 3
        '  - id: user-service', //                                                                 4
        '    name: Users', //                                                                      5
        '    team: identity', //                                                                   6
        '    tier: 1', //                                                                          7
        '    depends_on:', //                                                                      8
        '      - users-db', //                                                                     9
        '      - auth-api', //                                                                     10
        '  - { id: users-db, name: Users DB, team: identity, tier: 1 }', //                        11
      ),
    );
    expect(cycleWarnings(result)).toEqual([
      'services.yaml:10: dependency cycle auth-api → user-service → auth-api: accepted; impact stops where it has been, and the map draws the edge closing the cycle as a dashed arc',
    ]);
    expect(result.config.services.map((service) => service.id)).toEqual([
      'auth-api',
      'user-service',
      'users-db',
    ]);
  });

  it('names a cycle of five once, whichever service the walk starts from', async () => {
    const result = await load(
      lines(
        'teams: [{ id: sre, name: SRE }]', //                                        1
        'services:', //                                                              2
        '  - { id: c, name: C, team: sre, tier: 1, depends_on: [d] }', //            3
        '  - { id: a, name: A, team: sre, tier: 1, depends_on: [b] }', //            4
        '  - { id: b, name: B, team: sre, tier: 1, depends_on: [c, x] }', //         5
        '  - { id: d, name: D, team: sre, tier: 1, depends_on: [e] }', //            6
        '  - { id: e, name: E, team: sre, tier: 1, depends_on: [a] }', //            7
        '  - { id: x, name: X, team: sre, tier: 1 }', //                             8
      ),
    );
    expect(cycleWarnings(result)).toEqual([
      'services.yaml:5: dependency cycle c → d → e → a → b → c: accepted; impact stops where it has been, and the map draws the edge closing the cycle as a dashed arc',
    ]);
  });

  it('accepts a service that depends on itself', async () => {
    const result = await load(
      lines(
        'teams: [{ id: sre, name: SRE }]', //                                        1
        'services:', //                                                              2
        '  - { id: mesh, name: Mesh, team: sre, tier: 1, depends_on: [mesh] }', //   3
      ),
    );
    expect(cycleWarnings(result)).toEqual([
      'services.yaml:3: service "mesh" depends on itself (mesh → mesh): accepted; impact stops where it has been, and the map draws the edge closing the cycle as a dashed arc',
    ]);
    expect(result.config.services[0]?.dependsOn).toEqual(['mesh']);
  });

  it('names two cycles sharing a service separately', async () => {
    const result = await load(
      lines(
        'teams: [{ id: sre, name: SRE }]', //                                        1
        'services:', //                                                              2
        '  - { id: a, name: A, team: sre, tier: 1, depends_on: [b, c] }', //         3
        '  - { id: b, name: B, team: sre, tier: 1, depends_on: [a] }', //            4
        '  - { id: c, name: C, team: sre, tier: 1, depends_on: [a] }', //            5
      ),
    );
    expect(cycleWarnings(result).map((warning) => warning.split(':').slice(0, 3).join(':'))).toEqual([
      'services.yaml:4: dependency cycle a → b → a',
      'services.yaml:5: dependency cycle a → c → a',
    ]);
  });
});

describe('a generated catalog closing thousands of long cycles', () => {
  const service = (id: string, dependsOn: ReadonlyArray<string>): Service => ({
    id,
    name: id,
    team: 'mesh',
    tier: 3,
    dependsOn,
    runbook: null,
    match: { labels: {}, pagerdutyComponents: [], pagerdutySources: [] },
  });
  // s0 → s1 → … → s4999, and every service also needs s0: 5,000 cycles, most through thousands.
  const COUNT = 5_000;
  const mesh = Array.from({ length: COUNT }, (_, i) =>
    service(`s${i}`, i + 1 < COUNT ? [`s${i + 1}`, 's0'] : ['s0']),
  );

  it('names twenty cycles, counts the rest in one warning, and shortens long paths', () => {
    const problems = findDependencyCycles(mesh);
    expect(problems).toHaveLength(21);
    expect(problems[0]?.message).toBe(
      'dependency cycle s0 → s1 → s2 → s3 → s4 → (4991 more) → s4996 → s4997 → s4998 → s4999 → s0: accepted; impact stops where it has been, and the map draws the edge closing the cycle as a dashed arc',
    );
    expect(problems[20]?.message).toMatch(
      /^4980 more depends_on entries \(this one first\) close dependency cycles/,
    );
    expect(problems[20]?.path).toEqual(['services', 4979, 'depends_on', 1]);
    const written = problems.reduce((sum, problem) => sum + problem.message.length, 0);
    expect(written).toBeLessThan(10_000);
  });
});
