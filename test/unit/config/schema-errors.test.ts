import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { configFolder, HASH_A, lines, loadErrors, removeConfigFolders } from './config-folder';

// Each mistake a person can make in a single file, and the exact line the hub points them at.

afterAll(removeConfigFolders);

describe('YAML syntax errors', () => {
  it('names the file, line and column of the mistake, and does not validate the file further', async () => {
    const result = await loadConfig(
      configFolder({
        'users.yaml': lines(
          'users:', //                                   1
          '  - id: dana', //                             2
          '    name: Dana: Reyes', //                    3
          '    role: boss', //                           4
        ),
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: 'users.yaml',
          line: 3,
          column: 11,
          message: 'YAML syntax: Nested mappings are not allowed in compact mappings',
        },
      ],
    });
  });

  it('reports an unclosed flow mapping where the parser notices it', async () => {
    const errors = await loadErrors({
      'integrations.yaml': lines(
        'integrations:', //                                          1
        `  - { id: prom, kind: alertmanager, token_sha256: ${HASH_A}`, // 2
        '  - { id: grafana }', //                                    3
      ),
    });
    expect(errors).toEqual([
      'integrations.yaml:3: YAML syntax: Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  it('refuses a file that expands without bound through aliases', async () => {
    const anchors = Array.from({ length: 12 }, (_, i) =>
      i === 0
        ? 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'
        : `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
    );
    const errors = await loadErrors({ 'users.yaml': lines(...anchors) });
    expect(errors).toEqual([
      'users.yaml:1: YAML: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });

  it('reports a key written twice in one mapping', async () => {
    const errors = await loadErrors({
      'integrations.yaml': lines(
        'integrations:', //                            1
        '  - id: prom', //                             2
        '    kind: alertmanager', //                   3
        `    token_sha256: ${HASH_A}`, //              4
        '    kind: grafana', //                        5
      ),
    });
    expect(errors).toEqual(['integrations.yaml:5: YAML syntax: Map keys must be unique']);
  });
});

describe('schema errors', () => {
  it('points at the value that is wrong, naming its entry', async () => {
    const errors = await loadErrors({
      'users.yaml': lines(
        'users:', //                                                        1
        `  - { id: dana, name: Dana, role: boss, token_sha256: ${HASH_A} }`, // 2
        '  - id: Eve', //                                                   3
        '    name: Eve', //                                                 4
        '    role: admin', //                                               5
        '    token_sha256: the-token-itself', //                            6
        '    webhook: http://paging.example.org/eve', //                    7
      ),
    });
    expect(errors).toEqual([
      'users.yaml:2: user "dana": role: must be one of viewer, operator, commander, admin (found "boss")',
      'users.yaml:3: user "Eve": id: must be a lowercase slug: letters a-z, digits, ".", "_" or "-", starting with a letter or digit',
      'users.yaml:6: user "Eve": token_sha256: must be 64 hex characters (the SHA-256 of the token, not the token)',
      'users.yaml:7: user "Eve": webhook: must be an https:// URL',
    ]);
  });

  it('never echoes what was written in a secret field', async () => {
    const errors = await loadErrors({
      'users.yaml': lines(
        'users:',
        '  - { id: dana, name: Dana, role: admin, token_sha256: hunter2-secret }',
      ),
    });
    expect(errors.join('\n')).not.toContain('hunter2');
  });

  it('says "missing field" at the line of the entry that lacks it', async () => {
    const errors = await loadErrors({
      'services.yaml': lines(
        'teams:', //                                   1
        '  - { id: sre, name: SRE }', //               2
        'services:', //                                3
        '  - id: web', //                              4
        '    name: Web', //                            5
        '    tier: 2', //                              6
        '  - id: api', //                              7
        '    name:', //                                8
        '    team: sre', //                            9
        '    tier: 9', //                              10
      ),
    });
    expect(errors).toEqual([
      'services.yaml:4: service "web": missing field "team"',
      'services.yaml:8: service "api": "name" has no value',
      'services.yaml:10: service "api": tier: must be 1, 2, 3 or 4 (1 is the most critical)',
    ]);
  });

  it('rejects unknown fields, so a typo does not silently drop a setting', async () => {
    const errors = await loadErrors({
      'services.yaml': lines(
        'teams:', //                                   1
        '  - { id: sre, name: SRE }', //               2
        'service:', //                                 3
        '  - id: web', //                              4
        'services:', //                                5
        '  - id: web', //                              6
        '    name: Web', //                            7
        '    team: sre', //                            8
        '    tier: 2', //                              9
        '    depends-on: [db]', //                     10
      ),
    });
    expect(errors).toEqual([
      'services.yaml:3: unknown field "service"',
      'services.yaml:10: service "web": unknown field "depends-on"',
    ]);
  });

  it('checks each integration kind has its own credential', async () => {
    const errors = await loadErrors({
      'integrations.yaml': lines(
        'integrations:', //                            1
        '  - id: prom', //                             2
        '    kind: alertmanager', //                   3
        '  - id: zabbix', //                           4
        '    kind: pagerduty', //                      5
        '    routing_key: too-short', //               6
        '  - id: nagios', //                           7
        '    kind: pagerduty', //                      8
        '  - id: loki', //                             9
        '    kind: splunk', //                         10
      ),
    });
    expect(errors).toEqual([
      'integrations.yaml:2: integration "prom": kind alertmanager needs a token_sha256 (SHA-256 of its Bearer token or basic-auth password)',
      'integrations.yaml:6: integration "zabbix": routing_key: must be exactly 32 letters or digits',
      'integrations.yaml:7: integration "nagios": kind pagerduty needs a routing_key',
      'integrations.yaml:10: integration "loki": kind: must be one of alertmanager, pagerduty, grafana, change (found "splunk")',
    ]);
  });

  it('checks rotations, escalation levels and routes', async () => {
    const errors = await loadErrors({
      'escalation.yaml': lines(
        'rotations:', //                                                              1
        '  - id: noc', //                                                             2
        '    timezone: Mars/Olympus_Mons', //                                         3
        '    handoff: "8:00"', //                                                     4
        '    shift_hours: 0', //                                                      5
        '    participants: [alice]', //                                               6
        '    start: 2026-02-30', //                                                   7
        '    overrides:', //                                                          8
        '      - { user: bob, from: "2026-03-02T08:00:00Z", to: "2026-03-01T08:00:00Z" }', // 9
        'policies:', //                                                               10
        '  - id: default', //                                                         11
        '    levels:', //                                                             12
        '      - { notify: [rotation:noc], escalate_after_minutes: 0 }', //           13
        '      - { notify: [oncall:noc], escalate_after_minutes: 5 }', //             14
        '    repeat: 1.5', //                                                         15
        'routes:', //                                                                 16
        '  - { match: {}, policy: default }', //                                      17
        '  - { match: { severity: p1 }, policy: default }', //                        18
      ),
    });
    expect(errors).toEqual([
      'escalation.yaml:3: rotation "noc": timezone: must be an IANA time zone such as UTC or Europe/Paris',
      'escalation.yaml:4: rotation "noc": handoff: must be a 24-hour time "HH:MM", e.g. "08:00"',
      'escalation.yaml:5: rotation "noc": shift_hours: must be more than 0',
      'escalation.yaml:7: rotation "noc": start: must be a date "YYYY-MM-DD"',
      'escalation.yaml:9: rotation "noc": overrides[0].to: "to" must be later than "from"',
      'escalation.yaml:13: policy "default": levels[0].escalate_after_minutes: must be more than 0',
      'escalation.yaml:14: policy "default": levels[1].notify[0]: must be "rotation:ID", "user:ID" or "team:ID"',
      'escalation.yaml:15: policy "default": repeat: must be a whole number',
      'escalation.yaml:17: route 1: match: needs at least one of service, severity, team (use default_policy for everything else)',
      'escalation.yaml:18: route 2: match.severity: must be one of sev1, sev2, sev3, sev4 (found "p1")',
    ]);
  });

  it('requires a runbook to be a Markdown file directly in runbooks/', async () => {
    const errors = await loadErrors({
      'services.yaml': lines(
        'teams: [{ id: sre, name: SRE }]', //                                          1
        'services:', //                                                                 2
        '  - { id: web, name: Web, team: sre, tier: 2, runbook: ../../etc/passwd.md }', // 3
      ),
    });
    expect(errors).toEqual([
      'services.yaml:3: service "web": runbook: must be the name of a Markdown file in runbooks/, e.g. "payments-db.md"',
    ]);
  });
});

describe('collecting errors', () => {
  it('reports every mistake in every file at once, in file order', async () => {
    const errors = await loadErrors({
      'users.yaml': lines('users:', '  - { id: dana, name: Dana, role: chief, token_sha256: abc }'),
      'integrations.yaml': lines('integrations:', '  - { id: prom, kind: alertmanager }', '  - { id: pd }'),
      'escalation.yaml': lines(
        'rotations: []',
        'policies: []',
        'routes:',
        '  - { match: { service: web }, policy: nope }',
      ),
    });
    expect(errors).toEqual([
      'users.yaml:2: user "dana": role: must be one of viewer, operator, commander, admin (found "chief")',
      'users.yaml:2: user "dana": token_sha256: must be 64 hex characters (the SHA-256 of the token, not the token)',
      'integrations.yaml:2: integration "prom": kind alertmanager needs a token_sha256 (SHA-256 of its Bearer token or basic-auth password)',
      'integrations.yaml:3: integration "pd": missing field "kind"',
      'escalation.yaml:4: route 1 matches service "web", which is not in the catalog',
      'escalation.yaml:4: route 1 uses policy "nope", which is not under policies',
    ]);
  });
});
