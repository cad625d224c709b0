import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Role } from '../../../shared/roles';

// A configuration folder written for one test, as an organisation would keep it in git: people
// and the SHA-256 of their tokens, never the tokens themselves.

export interface ConsoleUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The token the person types; only its hash is written. */
  readonly token: string;
}

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Other files of the folder by their path in it, e.g. "services.yaml", "runbooks/payments-db.md". */
export type ConfigFiles = Readonly<Record<string, string>>;

/** A temporary --config-dir with a users.yaml for `users` (none: no users.yaml) and `files`. */
export function writeConfigDir(
  users: ReadonlyArray<ConsoleUser> | undefined,
  files: ConfigFiles = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-e2e-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (!users) return dir;
  const lines = users.map(
    (user) =>
      `  - { id: ${user.id}, name: ${JSON.stringify(user.name)}, role: ${user.role}, token_sha256: ${sha256Hex(user.token)} }`,
  );
  writeFileSync(join(dir, 'users.yaml'), `users:\n${lines.join('\n')}\n`);
  return dir;
}
