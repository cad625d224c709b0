import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackProgram } from './loopback-program';

// A real Prometheus Alertmanager (Debian's prometheus-alertmanager) on loopback, with a webhook
// receiver pointing wherever the test says. .ci/run installs it.

export const ALERTMANAGER_BIN = '/usr/bin/prometheus-alertmanager';
export const alertmanagerAvailable = (): boolean => existsSync(ALERTMANAGER_BIN);

export interface RunningAlertmanager {
  readonly url: string;
  postAlerts(alerts: unknown[]): Promise<void>;
  stop(): Promise<void>;
}

export interface AlertmanagerOptions {
  readonly webhookUrl: string;
  readonly port: number;
  readonly groupWait?: string;
  readonly groupInterval?: string;
  readonly bearerToken?: string;
}

export async function startAlertmanager(options: AlertmanagerOptions): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-am-'));
  const auth = options.bearerToken
    ? `\n        http_config:\n          authorization:\n            credentials: ${options.bearerToken}`
    : '';
  writeFileSync(
    join(dir, 'am.yml'),
    `route:
  receiver: sitroom
  group_by: [alertname, service]
  group_wait: ${options.groupWait ?? '0s'}
  group_interval: ${options.groupInterval ?? '1s'}
  repeat_interval: 4h
receivers:
  - name: sitroom
    webhook_configs:
      - url: ${options.webhookUrl}
        send_resolved: true${auth}
`,
  );
  const url = `http://127.0.0.1:${options.port}`;
  const { child, exited } = await startLoopbackProgram(
    'Alertmanager',
    ALERTMANAGER_BIN,
    [
      `--config.file=${join(dir, 'am.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${options.port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    url,
    15_000,
  );

  return {
    url,
    async postAlerts(alerts) {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!response.ok)
        throw new Error(`Alertmanager refused alerts: ${response.status} ${await response.text()}`);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
