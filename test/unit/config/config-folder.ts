import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatConfigError, type LoadResult, loadConfig } from '../../../server/config/load';

// A throwaway copy of the valid fixture folder with some files replaced or removed, so each test
// shows only the mistake it is about.

export const validFixture = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/config/valid');

const folders: string[] = [];

/** Copies the valid folder, then writes each given file (null deletes it). */
export function configFolder(files: Readonly<Record<string, string | null>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-config-'));
  folders.push(dir);
  cpSync(validFixture, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, name), { force: true });
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}

export function removeConfigFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** YAML written one line per argument, so a test's expected line number is its argument position. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** Loads a folder that must fail, returning its errors as "file:line: message". */
export async function loadErrors(files: Readonly<Record<string, string | null>>): Promise<string[]> {
  const result: LoadResult = await loadConfig(configFolder(files));
  if (result.ok) throw new Error('expected the configuration to be rejected, but it loaded');
  return result.errors.map(formatConfigError);
}

export const HASH_A = 'a'.repeat(64);
export const HASH_B = 'b'.repeat(64);
