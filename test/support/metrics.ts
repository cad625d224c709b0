import { spawnSync } from 'node:child_process';

// Reading what GET /metrics says, for the tests of the hub's metrics: one sample's value, and
// promtool's verdict on the whole exposition.

/** GET /metrics with the given headers: status and text. */
export async function scrape(
  hubUrl: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; contentType: string }> {
  const response = await fetch(`${hubUrl}/metrics`, { headers });
  return {
    status: response.status,
    text: await response.text(),
    contentType: response.headers.get('content-type') ?? '',
  };
}

/** The value of `name{labels}` in an exposition, or null when there is no such sample. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = new Map(
      [...(match[3] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found.get(key) === value)) return Number(match[4]);
  }
  return null;
}

/** `promtool check metrics` on the text: its exit code and what it printed. */
export function promtoolCheckMetrics(text: string): { code: number | null; output: string } {
  const run = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}
