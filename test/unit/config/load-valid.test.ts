import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { severityTableFor } from '../../../shared/config/assemble';
import { mapSeverity } from '../../../shared/severity';
import { configFolder, removeConfigFolders, validFixture } from './config-folder';

afterAll(removeConfigFolders);

describe('loading a valid configuration folder', () => {
  it('reads every file of a realistic NOC catalog', async () => {
    const result = await loadConfig(validFixture);
    if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
    const { config } = result;
    // Alice and Bob are paged by rotation, Eve by rotation and by name: none has a webhook, and
    // no team paged with them has a channel, so their pages reach nobody.
    expect(result.warnings).toEqual([
      'escalation.yaml: 3 people can be paged but no page reaches them, with no webhook in users.yaml and no notify channel in services.yaml of a team paged with them; the console shows them as not reachable: "alice" (Alice Moreau, rotation noc-primary); "bob" (Bob Okafor, rotation noc-primary); "eve" (Eve Lindqvist, rotation data-oncall, user:eve)',
    ]);
    expect(config.openMode).toBe(false);
    expect(config.users.map((user) => `${user.id}:${user.role}`)).toEqual([
      'dana:commander',
      'alice:operator',
      'bob:operator',
      'eve:admin',
      'wall:viewer',
    ]);
    expect(config.teams.map((team) => team.id)).toEqual(['sre', 'payments', 'data-platform']);
    expect(config.services).toHaveLength(8);
    expect(config.rotations.map((rotation) => rotation.id)).toEqual(['noc-primary', 'data-oncall']);
    expect(config.policies.map((policy) => policy.id)).toEqual(['default', 'data-critical']);
    expect(config.routes).toHaveLength(3);
    expect(config.defaultPolicy).toBe('default');
    expect(Object.keys(config.runbooks).sort()).toEqual(['edge-lb.md', 'payments-db.md']);
  });

  it('turns snake_case YAML into the code’s shapes', async () => {
    const result = await loadConfig(validFixture);
    if (!result.ok) throw new Error('expected the fixture to load');
    const { config } = result;
    const bob = config.users.find((user) => user.id === 'bob');
    // Written in upper case in the fixture; stored lower case so comparisons are exact.
    expect(bob?.tokenSha256).toBe('97dd3707015dcf069cf73022ed7173b1165db6eff24b441cb57fd069a8c4e525');
    expect(bob?.email).toBeNull();
    expect(config.users[0]?.webhook).toBe('https://paging.example.org/hooks/dana');

    const paymentsApi = config.services.find((service) => service.id === 'payments-api');
    expect(paymentsApi).toMatchObject({
      team: 'payments',
      tier: 1,
      dependsOn: ['payments-db', 'kafka'],
      runbook: null,
      match: { labels: {}, pagerdutyComponents: ['payments-api', 'pay-gw'], pagerdutySources: [] },
    });
    expect(config.teams[0]?.notify).toEqual([
      { kind: 'slack', url: 'https://hooks.slack.com/services/T000/B000/sre' },
    ]);

    const dataOncall = config.rotations[1];
    expect(dataOncall).toMatchObject({
      timezone: 'Europe/Berlin',
      handoff: '09:30',
      shiftHours: 168,
      start: null,
    });
    expect(dataOncall?.overrides).toEqual([
      { user: 'eve', from: Date.parse('2026-03-02T08:30:00Z'), to: Date.parse('2026-03-04T08:30:00Z') },
    ]);
    expect(config.policies[1]?.levels[0]).toEqual({
      notify: [{ kind: 'rotation', id: 'data-oncall' }],
      escalateAfterMinutes: 2.5,
    });
    expect(config.routes[0]).toEqual({
      match: { service: 'payments-db', severity: 'sev1', team: null },
      policy: 'data-critical',
    });
  });

  it('extends the severity table and the service labels', async () => {
    const result = await loadConfig(validFixture);
    if (!result.ok) throw new Error('expected the fixture to load');
    const { config } = result;
    expect(config.serviceLabels).toEqual(['service', 'app', 'job', 'kubernetes_service']);
    expect(mapSeverity('Degraded', config.severityMap)).toBe('sev2');
    expect(mapSeverity('critical', config.severityMap)).toBe('sev1');
    const grafana = config.integrations.find((entry) => entry.id === 'grafana-cloud');
    if (!grafana) throw new Error('grafana-cloud missing');
    expect(grafana.serviceLabel).toBe('service_name');
    expect(mapSeverity('alerting', severityTableFor(config, grafana))).toBe('sev2');
    expect(mapSeverity('alerting', config.severityMap)).toBe('sev3');
  });

  it('runs in open mode, with a warning, when users.yaml is absent', async () => {
    const result = await loadConfig(
      configFolder({
        'users.yaml': null,
        'services.yaml':
          'teams: [{ id: sre, name: SRE }]\nservices: [{ id: web, name: Web, team: sre, tier: 2 }]\n',
        'escalation.yaml': null,
      }),
    );
    if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
    expect(result.config.openMode).toBe(true);
    expect(result.config.users).toEqual([]);
    expect(result.config.serviceLabels).toEqual(['service', 'app', 'job']);
    expect(result.config.services[0]).toMatchObject({ dependsOn: [], runbook: null });
    expect(result.warnings).toEqual([
      'users.yaml: absent, so the hub runs in open local mode (everyone is admin, loopback only)',
    ]);
  });

  it('accepts an empty folder and empty files', async () => {
    const result = await loadConfig(
      configFolder({
        'users.yaml': null,
        'integrations.yaml': '',
        'services.yaml': '# nothing yet\n',
        'escalation.yaml': null,
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('warns about a file whose name it does not know', async () => {
    const result = await loadConfig(configFolder({ 'service.yaml': 'services: []\n' }));
    if (!result.ok) throw new Error('expected the folder to load');
    expect(result.warnings.filter((warning) => warning.startsWith('service.yaml'))).toEqual([
      'service.yaml: not a Sitroom configuration file, ignored (expected users.yaml, integrations.yaml, services.yaml, escalation.yaml, notifications.yaml)',
    ]);
  });

  it('refuses a folder that does not exist', async () => {
    const result = await loadConfig('/nonexistent/sitroom-config');
    expect(result).toEqual({
      ok: false,
      errors: [{ file: '.', line: 1, message: '/nonexistent/sitroom-config is not a folder' }],
    });
  });
});
