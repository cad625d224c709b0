import { createHash, timingSafeEqual } from 'node:crypto';
import type { ConfiguredUser, Integration, SitroomConfig } from '../../shared/config/types';

// Bearer tokens and routing keys are compared in constant time and every entry is checked, so
// neither the response time nor the position of a match tells an attacker how close a guess was.

/** The lowercase hex SHA-256 of a token: what users.yaml and integrations.yaml store. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const digest = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/** Compares two 32-byte digests without leaking where they differ. */
function sameDigest(storedHex: string, presented: Buffer): boolean {
  const stored = Buffer.from(storedHex, 'hex');
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

/** The user whose token this is, or null. In open mode there are no users, so always null. */
export function findUserByToken(config: SitroomConfig, token: string): ConfiguredUser | null {
  if (token.length === 0) return null;
  const presented = digest(token);
  let found: ConfiguredUser | null = null;
  for (const user of config.users) {
    if (sameDigest(user.tokenSha256, presented) && found === null) found = user;
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
  let found: Integration | null = null;
  for (const integration of config.integrations) {
    const stored =
      credentials.kind === 'token'
        ? integration.tokenSha256
        : integration.routingKey === null
          ? null
          : digest(integration.routingKey).toString('hex');
    if (stored !== null && sameDigest(stored, presented) && found === null) found = integration;
  }
  return found;
}
