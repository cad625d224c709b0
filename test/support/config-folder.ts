import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './hub';

// A writable copy of the example configuration folder (test/fixtures/config/valid): five users
// whose tokens are "<id>-token" (dana commander, alice and bob operators, eve admin, wall viewer),
// integrations prom-dc1 (token "prom-dc1-token") and zabbix (PagerDuty), a service catalog with
// runbooks, rotations and policies.

export const VALID_CONFIG = join(repoRoot, 'test', 'fixtures', 'config', 'valid');
export const ZABBIX_ROUTING_KEY = 'R0ZABBIXDC1abcdefghijklmnopqrstu';

/**
 * A writable copy whose paging and team webhooks point at `webhookBase` (a loopback receiver in
 * the test) — by default the loopback discard port, so a hub under test never reaches out to
 * the example hosts the fixture names: /slack/<team> for Slack, the path as-is for the others.
 */
export function copyOfValidConfig(options: { webhookBase?: string } = {}): string {
  const base = options.webhookBase ?? 'http://127.0.0.1:9';
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-config-'));
  cpSync(VALID_CONFIG, dir, { recursive: true });
  for (const file of ['users.yaml', 'services.yaml']) {
    const path = join(dir, file);
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace(/https:\/\/hooks\.slack\.com\/services\/[^\s"]*\/(\w+)/g, `${base}/slack/$1`)
        .replace(/https:\/\/paging\.example\.org(\/[^\s"]*)/g, `${base}$1`),
    );
  }
  return dir;
}

/**
 * Replaces the folder's escalation.yaml with the example's two rotations and one default policy,
 * `ladder`, whose levels are the given YAML flow maps (`{ notify: [user:dana], escalate_after_minutes: 0.1 }`).
 */
export function writeLadder(dir: string, levels: ReadonlyArray<string>): void {
  writeFileSync(
    join(dir, 'escalation.yaml'),
    [
      'rotations:',
      '  - { id: noc-primary, timezone: UTC, handoff: "08:00", shift_hours: 12, participants: [alice, bob], start: 2026-01-05 }',
      '  - { id: data-oncall, timezone: Europe/Berlin, handoff: "09:30", shift_hours: 168, participants: [dana, eve] }',
      'policies:',
      '  - id: ladder',
      '    levels:',
      ...levels.map((level) => `      - ${level}`),
      'default_policy: ladder',
      '',
    ].join('\n'),
  );
}
