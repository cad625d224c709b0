import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { copyOfValidConfig } from './config-folder';

// For tests of silences: a configuration folder whose prom-dc1 Alertmanager has its API on a
// loopback port, and amtool, Alertmanager's own command line, to see what really is there.

export const AMTOOL_BIN = '/usr/bin/amtool';
export const amtoolAvailable = (): boolean => existsSync(AMTOOL_BIN);

/** prom-dc1's Bearer token in the fixture folder (its token_sha256 is this token's hash). */
export const PROM_TOKEN = 'prom-dc1-token';

/** The valid fixture with prom-dc1's api_url at `amUrl`, and silence_role when given. */
export function configWithAlertmanagerApi(amUrl: string, options: { silenceRole?: string } = {}): string {
  const dir = copyOfValidConfig();
  const path = join(dir, 'integrations.yaml');
  const text = readFileSync(path, 'utf8').replace(
    /( {2}- id: prom-dc1\n {4}kind: alertmanager\n {4}token_sha256: \w+\n)/,
    `$1    api_url: ${amUrl}\n`,
  );
  if (!text.includes('api_url')) throw new Error('could not add api_url to the fixture');
  writeFileSync(path, `${text}${options.silenceRole ? `silence_role: ${options.silenceRole}\n` : ''}`);
  return dir;
}

export interface AmtoolSilence {
  readonly id: string;
  readonly comment: string;
  readonly createdBy: string;
  readonly matchers: ReadonlyArray<{ name: string; value: string; isRegex: boolean; isEqual?: boolean }>;
  readonly status: { state: string };
}

/** `amtool silence query -o json` (active silences; `expired` adds the ended ones). */
export async function amtoolSilences(
  amUrl: string,
  options: { expired?: boolean } = {},
): Promise<AmtoolSilence[]> {
  const { stdout } = await promisify(execFile)(AMTOOL_BIN, [
    `--alertmanager.url=${amUrl}`,
    'silence',
    'query',
    '-o',
    'json',
    ...(options.expired ? ['--expired'] : []),
  ]);
  return JSON.parse(stdout || '[]') as AmtoolSilence[];
}

/** `amtool silence expire ID`: a person ending a silence on Alertmanager itself. */
export async function amtoolExpire(amUrl: string, silenceId: string): Promise<void> {
  await promisify(execFile)(AMTOOL_BIN, [`--alertmanager.url=${amUrl}`, 'silence', 'expire', silenceId]);
}
