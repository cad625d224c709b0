import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReferences } from '../../../shared/config/references';
import { HASH_A, HASH_B, lines, loadErrors, removeConfigFolders, validFixture } from './config-folder';

// Mistakes that only show when files are read together: names that point at nothing, ids used
// twice. (Dependency cycles load, with a warning: dependency-cycles.test.ts.) The valid fixture
// supplies the files a test does not replace.

afterAll(removeConfigFolders);

describe('cross-references in services.yaml', () => {
  it('names the line of every reference to something that does not exist', async () => {
    const errors = await loadErrors({
      'escalation.yaml': null,
      'services.yaml': lines(
        'teams:', //                                                    1
        '  - id: payments', //                                          2
        '    name: Payments', //                                        3
        '    members: [dana, dnaa]', //                                 4
        '  - { id: payments, name: Payments again }', //                5
        'services:', //                                                 6
        '  - { id: payments-db, name: Payments DB, team: payments, tier: 1 }', // 7
        '  - id: payments-api', //                                      8
        '    name: Payments API', //                                    9
        '    team: paymnts', //                                         10
        '    tier: 1', //                                               11
        '    depends_on:', //                                           12
        '      - payments-api', //                                      13
        '      - payments-dbb', //                                      14
        '    runbook: payments-api.md', //                              15
        '  - { id: payments-db, name: Duplicate, team: payments, tier: 2 }', // 16
      ),
    });
    expect(errors).toEqual([
      'services.yaml:4: team "payments" lists member "dnaa", who is not in users.yaml',
      'services.yaml:5: team id "payments" is used twice (first on line 2)',
      'services.yaml:10: service "payments-api" belongs to team "paymnts", which is not under teams',
      'services.yaml:14: service "payments-api" depends on "payments-dbb", which is not in the catalog',
      'services.yaml:15: service "payments-api" names runbook "payments-api.md", but there is no runbooks/payments-api.md',
      'services.yaml:16: service id "payments-db" is used twice (first on line 7)',
    ]);
  });

  it('refuses two services claiming the same PagerDuty component', async () => {
    const errors = await loadErrors({
      'escalation.yaml': null,
      'services.yaml': lines(
        'teams: [{ id: sre, name: SRE }]', //                                                   1
        'services:', //                                                                         2
        '  - { id: a, name: A, team: sre, tier: 1, match: { pagerduty_components: [pg] } }', // 3
        '  - { id: b, name: B, team: sre, tier: 1, match: { pagerduty_components: [x, pg] } }', // 4
      ),
    });
    expect(errors).toEqual(['services.yaml:4: services "a" and "b" both claim PagerDuty component "pg"']);
  });
});

describe('cross-references in escalation.yaml', () => {
  it('checks rotation members, notify targets, routes and the default policy', async () => {
    const errors = await loadErrors({
      'escalation.yaml': lines(
        'rotations:', //                                                               1
        '  - id: noc', //                                                              2
        '    timezone: UTC', //                                                        3
        '    handoff: "08:00"', //                                                     4
        '    shift_hours: 12', //                                                      5
        '    participants: [alice, mallory]', //                                       6
        '    overrides:', //                                                           7
        '      - { user: trent, from: "2026-03-01T08:00:00Z", to: "2026-03-02T08:00:00Z" }', // 8
        '  - { id: noc, timezone: UTC, handoff: "20:00", shift_hours: 12, participants: [bob] }', // 9
        'policies:', //                                                                10
        '  - id: default', //                                                          11
        '    levels:', //                                                              12
        '      - { notify: [rotation:noc, rotation:nite], escalate_after_minutes: 5 }', // 13
        '      - notify:', //                                                          14
        '          - user:dana', //                                                    15
        '          - user:oscar', //                                                   16
        '          - team:dba', //                                                     17
        '        escalate_after_minutes: 10', //                                       18
        'routes:', //                                                                  19
        '  - { match: { service: payments-db }, policy: default }', //                20
        '  - { match: { service: billing, team: sre }, policy: dba-policy }', //      21
        'default_policy: fallback', //                                                 22
      ),
    });
    expect(errors).toEqual([
      'escalation.yaml:6: rotation "noc" includes "mallory", who is not in users.yaml',
      'escalation.yaml:8: rotation "noc" hands a shift to "trent", who is not in users.yaml',
      'escalation.yaml:9: rotation id "noc" is used twice (first on line 2)',
      'escalation.yaml:13: policy "default" level 1 notifies rotation "nite", which is not under rotations',
      'escalation.yaml:16: policy "default" level 2 notifies user "oscar", which is not in users.yaml',
      'escalation.yaml:17: policy "default" level 2 notifies team "dba", which is not in services.yaml under teams',
      'escalation.yaml:21: route 2 matches service "billing", which is not in the catalog',
      'escalation.yaml:21: route 2 uses policy "dba-policy", which is not under policies',
      'escalation.yaml:22: default_policy "fallback" is not under policies',
    ]);
  });

  it('treats every user reference as unknown when users.yaml is absent', async () => {
    const errors = await loadErrors({ 'users.yaml': null });
    expect(errors).toContain('services.yaml:10: team "sre" lists member "alice", who is not in users.yaml');
    expect(errors).toContain(
      'escalation.yaml:6: rotation "noc-primary" includes "alice", who is not in users.yaml',
    );
  });
});

describe('credentials', () => {
  it('refuses two users or two integrations sharing a secret', async () => {
    const fixtureUsers = readFileSync(join(validFixture, 'users.yaml'), 'utf8');
    const errors = await loadErrors({
      // The fixture's 25 lines, then:
      'users.yaml': `${fixtureUsers}${lines(
        `  - { id: mallory, name: Mallory, role: admin, token_sha256: ${HASH_A} }`, // 26
        `  - { id: trent, name: Trent, role: operator, token_sha256: ${HASH_A.toUpperCase()} }`, // 27
        `  - { id: dana, name: Dana again, role: viewer, token_sha256: ${HASH_B} }`, // 28
      )}`,
      'integrations.yaml': lines(
        'integrations:', //                                                       1
        '  - { id: zabbix, kind: pagerduty, routing_key: R0ZABBIXDC1abcdefghijklmnopqrstu }', // 2
        '  - { id: nagios, kind: pagerduty, routing_key: R0ZABBIXDC1abcdefghijklmnopqrstu }', // 3
      ),
    });
    expect(errors).toEqual([
      'users.yaml:27: users "mallory" and "trent" have the same token_sha256; each person needs their own token (first on line 26)',
      'users.yaml:28: user id "dana" is used twice (first on line 4)',
      'integrations.yaml:3: integrations "zabbix" and "nagios" have the same routing_key; each needs its own so the hub knows who sent an alert (first on line 2)',
    ]);
  });
});

describe('checkReferences (pure)', () => {
  it('skips checks that need a file which failed its own schema', () => {
    const problems = checkReferences({
      users: null,
      integrations: { integrations: [] },
      services: {
        teams: [{ id: 'sre', name: 'SRE', members: ['ghost'], notify: [] }],
        services: [],
      },
      escalation: null,
      notifications: null,
      runbookNames: new Set(),
    });
    // users.yaml failed, so "ghost" might be a real user: no false alarm.
    expect(problems).toEqual([]);
  });
});
