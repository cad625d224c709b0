import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The demo runs on a copy of examples/ in a temporary folder, never on examples/ itself: the
// copy's paging and chat URLs are pointed at the demo's own loopback receiver, so playing the
// demo never posts to the placeholder hosts the examples name. integrations.yaml is left out:
// in open local mode anything on this machine may post alerts without credentials, so the
// README's curl examples work against a demo hub as they do against a bare one.

const COPIED = ['users.yaml', 'services.yaml', 'escalation.yaml'] as const;

/** A `webhook:`, `slack_webhook:` or `teams_webhook:` value: everything up to whitespace, a quote or a brace. */
const NOTIFY_URL = /(\b(?:slack_webhook|teams_webhook|webhook):\s*["']?)https:\/\/([^\s/"'}]+)([^\s"'}]*)/g;

/** A notify list entry `- email: …` on a line of its own. */
const EMAIL_CHANNEL = /^[ \t]*-[ \t]*email:[^\n]*\n/gm;

/** examples/ beside the source tree (tsx) or beside the bundle (dist/server/hub.mjs, app.asar). */
export function examplesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, '..', '..', 'examples'),
    join(here, '..', 'examples'),
    join(here, '..', '..', '..', 'examples'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'services.yaml'))) ?? (candidates[0] as string);
}

/** Every notify URL in a YAML text, rewritten to `receiver` + "/<host><path>". */
export function pointUrlsAt(yaml: string, receiver: string): string {
  return yaml.replace(
    NOTIFY_URL,
    (_match, key: string, host: string, path: string) => `${key}${receiver}/${host}${path}`,
  );
}

/** services.yaml without its email channels: the demo has no mail server, and sends nothing out. */
export function withoutEmailChannels(yaml: string): string {
  return yaml.replace(EMAIL_CHANNEL, '');
}

/**
 * Copies the example configuration (users, catalog, escalation, runbooks) into a new temporary
 * folder with its notify URLs pointed at `receiver`; returns the folder. Reads with readFile
 * rather than cp, so it also works from inside a packaged app's asar archive.
 */
export async function prepareDemoFolder(examples: string, receiver: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'sitroom-demo-config-'));
  for (const name of COPIED) {
    const text = await readFile(join(examples, name), 'utf8');
    const own = name === 'services.yaml' ? withoutEmailChannels(text) : text;
    await writeFile(join(folder, name), pointUrlsAt(own, receiver));
  }
  await mkdir(join(folder, 'runbooks'));
  for (const name of await readdir(join(examples, 'runbooks'))) {
    if (name.endsWith('.md'))
      await writeFile(join(folder, 'runbooks', name), await readFile(join(examples, 'runbooks', name)));
  }
  return folder;
}

export function removeDemoFolder(folder: string): Promise<void> {
  return rm(folder, { recursive: true, force: true });
}
