import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './hub';

// A writable copy of the example configuration folder (test/fixtures/config/valid): five users
// whose tokens are "<id>-token" (dana commander, alice and bob operators, eve admin, wall viewer),
// integrations prom-dc1 (token "prom-dc1-token") and zabbix (PagerDuty), a service catalog with
// runbooks, rotations and policies.

export const VALID_CONFIG = join(repoRoot, 'test', 'fixtures', 'config', 'valid');
export const ZABBIX_ROUTING_KEY = 'R0ZABBIXDC1abcdefghijklmnopqrstu';

export function copyOfValidConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-config-'));
  cpSync(VALID_CONFIG, dir, { recursive: true });
  return dir;
}
