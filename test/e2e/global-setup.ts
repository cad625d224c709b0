import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/hub';

/** Fails fast, with the fix, when the web console has not been built: the hub would serve nothing. */
export default function assertWebBuildExists(): void {
  const index = join(repoRoot, 'dist', 'web', 'index.html');
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run \`npx vite build\` before the e2e tests (npm test does).`);
  }
}
