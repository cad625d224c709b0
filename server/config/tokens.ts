import { hash, timingSafeEqual } from 'node:crypto';
import type { ConfiguredUser, Integration, SitroomConfig } from '../../shared/config/types';

// Bearer tokens and routing keys are compared in constant time and every entry is checked, so
// neither the response time nor the position of a match tells an attacker how close a guess was.

/** The lowercase hex SHA-256 of a token: what users.yaml and integrations.yaml store. */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

// crypto.hash is one call, not a Hash object and two more: half the CPU of createHash for a token.
const digest = (secret: string): Buffer => hash('sha256', secret, 'buffer');

/** What a configuration's credentials are compared as: each one's digest in bytes, in order. */
interface StoredDigests {
  readonly users: ReadonlyArray<Buffer>;
  /** null for an integration without a token (or, below, without a routing key). */
  readonly integrationTokens: ReadonlyArray<Buffer | null>;
  readonly routingKeys: ReadonlyArray<Buffer | null>;
}

/**
 * Worked out once per configuration, not on every request (routing keys were hashed, each of
 * them, per PagerDuty delivery). Keyed by the configuration object: a reload makes a new one,
 * so what was stored for the old one is never compared against again.
 */
const storedDigests = new WeakMap<SitroomConfig, StoredDigests>();

function digestsOf(config: SitroomConfig): StoredDigests {
  let digests = storedDigests.get(config);
  if (digests === undefined) {
    digests = {
      users: config.users.map((user) => Buffer.from(user.tokenSha256, 'hex')),
      integrationTokens: config.integrations.map((integration) =>
        integration.tokenSha256 === null ? null : Buffer.from(integration.tokenSha256, 'hex'),
      ),
      routingKeys: config.integrations.map((integration) =>
        integration.routingKey === null ? null : digest(integration.routingKey),
      ),
    };
    storedDigests.set(config, digests);
  }
  return digests;
}

/** Compares two 32-byte digests without leaking where they differ. */
function sameDigest(stored: Buffer, presented: Buffer): boolean {
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

/** The user whose token this is, or null. In open mode there are no users, so always null. */
export function findUserByToken(config: SitroomConfig, token: string): ConfiguredUser | null {
  if (token.length === 0) return null;
  const presented = digest(token);
  const stored = digestsOf(config).users;
  let found: ConfiguredUser | null = null;
  for (const [index, user] of config.users.entries()) {
    if (sameDigest(stored[index] as Buffer, presented) && found === null) found = user;
  }
  return found;
}

/** How a monitoring system identified itself on an ingest request. */
export type IngestCredentials =
  /** A Bearer token or the password of HTTP basic auth (Alertmanager, Grafana). */
  | { readonly kind: 'token'; readonly token: string }
  /** The routing_key of a PagerDuty Events v2 body. */
  | { readonly kind: 'routing_key'; readonly routingKey: string };

/** The integration these credentials belong to, or null. */
export function findIntegration(config: SitroomConfig, credentials: IngestCredentials): Integration | null {
  const secret = credentials.kind === 'token' ? credentials.token : credentials.routingKey;
  if (secret.length === 0) return null;
  // Routing keys are stored in the clear (PagerDuty shows them so); hashing both sides gives
  // equal-length buffers, so a guess of the wrong length takes as long as one of the right length.
  const presented = digest(secret);
  const digests = digestsOf(config);
  const stored = credentials.kind === 'token' ? digests.integrationTokens : digests.routingKeys;
  let found: Integration | null = null;
  for (const [index, integration] of config.integrations.entries()) {
    const candidate = stored[index] ?? null;
    if (candidate !== null && sameDigest(candidate, presented) && found === null) found = integration;
  }
  return found;
}
