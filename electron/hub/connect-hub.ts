import { randomBytes } from 'node:crypto';
import type { HubChoice } from './choose-hub';
import { type EmbeddedHubPlace, embeddedHubSpec } from './embedded-hub-spec';
import type { HubSpawner } from './hub-child';
import { type RunningHub, startHub } from './hub-launcher';

/** The hub this console talks to; `embedded` is set when we started it and must stop it. */
export interface ConnectedHub {
  readonly url: string;
  readonly embedded: RunningHub | null;
  /** The open-mode key we gave the embedded hub; null for a configured hub (users sign in). */
  readonly openKey: string | null;
}

/**
 * The token the console presents: the embedded hub's key (it runs in open local mode, and only
 * this app knows the key), else whatever the person signed in with. Read at each use.
 */
export function consoleToken(hub: ConnectedHub, signedIn: () => string | null): () => string | null {
  return () => hub.openKey ?? signedIn();
}

/**
 * A stable name for the hub, for what the console keeps per hub (the sign-in token). The
 * embedded hub gets a new port at every start, so it is named by what it is, not by its URL.
 */
export function hubIdentity(hub: ConnectedHub): string {
  return hub.embedded ? 'embedded' : new URL(hub.url).origin;
}

export interface ConnectHubOptions {
  readonly spawner: HubSpawner;
  readonly place: EmbeddedHubPlace;
  readonly log: (message: string) => void;
  readonly onHubOutput: (line: string) => void;
  readonly readyTimeoutMs?: number;
}

/**
 * Uses the configured hub as is (the replica reconnects until it answers), or starts the
 * embedded one and waits until it is healthy.
 */
export async function connectHub(choice: HubChoice, options: ConnectHubOptions): Promise<ConnectedHub> {
  if (choice.kind === 'configured') {
    options.log(`using the hub at ${choice.url} (from ${choice.from})`);
    return { url: choice.url, embedded: null, openKey: null };
  }
  // Made here and handed over in the environment (not argv, which other accounts can read), so
  // no other page or program on this machine can drive the embedded hub.
  const openKey = randomBytes(32).toString('base64url');
  const spec = { ...embeddedHubSpec(options.place), env: { SITROOM_OPEN_KEY: openKey } };
  options.log(`starting the embedded hub (${options.spawner.runtime} ${spec.entry})`);
  const running = await startHub({
    spawner: options.spawner,
    spec,
    onOutput: options.onHubOutput,
    ...(options.readyTimeoutMs === undefined ? {} : { readyTimeoutMs: options.readyTimeoutMs }),
  });
  options.log(`embedded hub ready at ${running.url} (pid ${running.pid ?? '?'})`);
  void running.exited.then((outcome) => {
    const how =
      outcome.kind === 'failed' ? outcome.error.message : `code ${outcome.code}, signal ${outcome.signal}`;
    options.log(`embedded hub ended (${how})`);
  });
  return { url: running.url, embedded: running, openKey };
}
