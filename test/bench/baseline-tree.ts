import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/hub';

// A hub from another commit, to compare with this one in the same run on the same machine (the
// only comparison that means anything under contention): `BENCH_BASELINE=main npm run bench ingest`.
// The commit's server/ and shared/ are unpacked into a temporary folder beside this repository's
// node_modules and web build, and run the same way as the current tree.

/** The folder holding `ref`'s hub sources, made once per process; null when no baseline is asked for. */
export function baselineRoot(ref: string | undefined = process.env.BENCH_BASELINE): string | null {
  if (!ref) return null;
  const root = mkdtempSync(join(tmpdir(), 'sitroom-baseline-'));
  const archive = execFileSync('git', ['archive', ref, 'server', 'shared', 'package.json', 'tsconfig.json'], {
    cwd: repoRoot,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  if (!existsSync(join(root, 'server', 'main.ts'))) throw new Error(`${ref} has no server/main.ts`);
  return root;
}
