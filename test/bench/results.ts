import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/hub';

// Every benchmark writes one JSON file into bench/results/ with the machine it ran on.

export interface BenchRow {
  readonly benchmark: string;
  readonly case: string;
  readonly figure: string;
  readonly value: number | string;
  readonly budget?: string;
}

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  };
}

export function writeResult(name: string, rows: ReadonlyArray<BenchRow>, details: unknown): void {
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name}.json`),
    `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), machine: machine(), rows, details }, null, 2)}\n`,
  );
}
