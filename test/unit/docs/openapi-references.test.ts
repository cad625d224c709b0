import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../server/http/openapi';
import { repoRoot } from '../../support/hub';

// GET /api/v1/openapi.json is what people script against; where it sends a reader for the rest
// ("see …"), that document must be in the repository. It once sent them to "CONTRACT", a file
// the repository never had.

/** The documents named in each "(see A and B)" of a text. */
function documentsNamed(text: string): string[] {
  return [...text.matchAll(/\(see ([^)]*)\)/g)].flatMap((match) =>
    (match[1] ?? '').split(/,\s*|\s+and\s+/).map((name) => name.trim()),
  );
}

describe('the OpenAPI description', () => {
  const info = openApiDocument().info as { description: string };
  const named = documentsNamed(info.description);

  it('sends the reader to docs/api.md for the socket stream', () => {
    expect(named).toContain('docs/api.md');
  });

  it.each(named)('names %s, which the repository has', (name) => {
    expect(existsSync(join(repoRoot, name))).toBe(true);
  });
});
