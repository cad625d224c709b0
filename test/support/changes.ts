import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfValidConfig } from './config-folder';
import { samplesDir } from './hub';

// Helpers for change-event tests: a config folder with a `change` integration (token
// "deploys-token"), optionally signed, and an Alertmanager body that opens an incident on a service.

export const DEPLOYS_TOKEN = 'deploys-token';
export const DEPLOYS = { authorization: `Bearer ${DEPLOYS_TOKEN}` };
const DEPLOYS_SHA256 = 'b2a0dfb44c7d8a7c717afed5fcb7fdb21f319be53d363509084f48615685ad29';

/** The valid example folder plus a `deploys` change integration (signed with `hmacEnv` when given). */
export function configWithDeploys(options: { hmacEnv?: string; signZabbix?: boolean } = {}): string {
  const dir = copyOfValidConfig();
  const path = join(dir, 'integrations.yaml');
  let text = readFileSync(path, 'utf8');
  text += `  - id: deploys\n    kind: change\n    token_sha256: ${DEPLOYS_SHA256}\n`;
  if (options.hmacEnv) text += `    hmac_secret_env: ${options.hmacEnv}\n`;
  if (options.hmacEnv && options.signZabbix)
    text = text.replace(
      '    routing_key: R0ZABBIXDC1abcdefghijklmnopqrstu\n',
      `    routing_key: R0ZABBIXDC1abcdefghijklmnopqrstu\n    hmac_secret_env: ${options.hmacEnv}\n`,
    );
  writeFileSync(path, text);
  return dir;
}

/** The example Alertmanager delivery, moved onto `service` with its own fingerprints and group. */
export function firingOn(service: string, tag: string): string {
  const body = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as {
    groupKey: string;
    alerts: Array<{ labels: Record<string, string>; fingerprint: string }>;
  };
  body.groupKey = `${body.groupKey}-${tag}`;
  for (const alert of body.alerts) {
    alert.labels.service = service;
    alert.fingerprint = `${alert.fingerprint}${tag}`;
  }
  return JSON.stringify(body);
}

/** An RFC 3339 time `minutes` before now. */
export const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();
