import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../server/http/route-table';
import { repoRoot } from '../../support/hub';

// docs/api.md is the reference people read before they script against the hub: each GET route
// has one row there, so a reader never meets two descriptions of one endpoint that disagree
// (three merged copies of the Read table once did: one with `silenceRole`, one with `changes`).

const reference = readFileSync(join(repoRoot, 'docs', 'api.md'), 'utf8');

/** How the reference writes a route's path: `:id` for a segment, the timeline by its first format. */
function asWritten(path: string): string {
  return path.replaceAll('{id}', ':id').replace('.{format}', '.md');
}

/** Table rows whose first cell starts with `GET <path>` (followed by its query, formats or the closing quote). */
function rowsFor(path: string): ReadonlyArray<string> {
  const start = `| \`GET ${asWritten(path)}`;
  return reference
    .split('\n')
    .filter((line) => line.startsWith(start) && /^[`?\\]/.test(line.slice(start.length)));
}

describe('docs/api.md', () => {
  const reads = ROUTES.filter((route) => route.method === 'GET');

  it.each(reads.map((route) => route.path))('describes GET %s in exactly one row', (path) => {
    expect(rowsFor(path)).toHaveLength(1);
  });
});
