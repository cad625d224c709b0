import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pointUrlsAt } from '../../server/demo/demo-folder';
import { repoRoot } from './hub';

// examples/ is the configuration folder the README tells people to copy. Tests run the real hub
// on a writable copy whose paging and chat URLs point at a loopback receiver (by default the
// discard port), so no test ever posts to the placeholder hosts the examples name. Tokens are
// the published example ones: "<id>-example-token" for people, "alertmanager-example-token",
// "grafana-example-token" and "deploys-example-token" for monitoring and CI.

export const EXAMPLES = join(repoRoot, 'examples');
export const exampleToken = (id: string): string => `${id}-example-token`;
export const EXAMPLE_ROUTING_KEY = 'R015Q2ZTZ7DW4W8Q9Y1ZZP1QK5QWZ3E2';
/** The ci-pipelines integration's key, which webhooks/pagerduty-change.json carries. */
export const EXAMPLE_CI_ROUTING_KEY = 'R0CIPIPELINES0EXAMPLE00000000000';

export function copyOfExamples(options: { webhookBase?: string } = {}): string {
  const base = options.webhookBase ?? 'http://127.0.0.1:9';
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-examples-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  for (const file of ['users.yaml', 'services.yaml']) {
    const path = join(dir, file);
    writeFileSync(path, pointUrlsAt(readFileSync(path, 'utf8'), base));
  }
  return dir;
}
