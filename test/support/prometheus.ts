import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './hub';
import { startLoopbackProgram } from './loopback-program';

// A real Prometheus server (Debian's prometheus, which .ci/run installs) on a free loopback port,
// scraping the targets a test names every second, with its data in a temporary folder.

export const PROMETHEUS_BIN = '/usr/bin/prometheus';

export interface ScrapeJob {
  readonly name: string;
  /** host:port */
  readonly target: string;
  /** A token for `authorization.credentials_file`, as a production scrape config would hold it. */
  readonly token?: string;
}

export interface RunningPrometheus {
  readonly url: string;
  /** GET on its HTTP API (/api/v1/...), parsed. */
  api<T>(path: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startPrometheus(jobs: ReadonlyArray<ScrapeJob>): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-prometheus-'));
  const scrapeConfigs = jobs.map((job) => {
    let auth = '';
    if (job.token !== undefined) {
      const file = join(dir, `${job.name}.token`);
      writeFileSync(file, job.token, { mode: 0o600 });
      auth = `\n    authorization:\n      credentials_file: ${file}`;
    }
    return `  - job_name: ${job.name}\n    static_configs:\n      - targets: ['${job.target}']${auth}`;
  });
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n${scrapeConfigs.join('\n')}\n`,
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, exited } = await startLoopbackProgram(
    'Prometheus',
    PROMETHEUS_BIN,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    url,
    30_000,
  );
  return {
    url,
    async api<T>(path: string): Promise<T> {
      const response = await fetch(`${url}${path}`);
      if (!response.ok) throw new Error(`Prometheus ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

interface TargetsAnswer {
  data: { activeTargets: Array<{ labels: { job: string }; health: string; lastError: string }> };
}

interface QueryAnswer {
  data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
}

/** Each job's target health as Prometheus's API reports it. */
export async function targetHealth(prometheus: RunningPrometheus): Promise<Map<string, string>> {
  const answer = await prometheus.api<TargetsAnswer>('/api/v1/targets');
  return new Map(answer.data.activeTargets.map((target) => [target.labels.job, target.health]));
}

/** An instant query's samples. */
export async function query(
  prometheus: RunningPrometheus,
  promql: string,
): Promise<QueryAnswer['data']['result']> {
  const answer = await prometheus.api<QueryAnswer>(`/api/v1/query?query=${encodeURIComponent(promql)}`);
  return answer.data.result;
}
