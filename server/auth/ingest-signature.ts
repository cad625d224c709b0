import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Integration } from '../../shared/config/types';
import { HttpError } from '../http/errors';

// Optional HMAC on ingest, per integration (integrations.yaml: hmac_secret_env). A sender that
// can sign (a relay, a script, a monitoring tool with custom headers) proves the body is the one
// it sent, not merely that it knows a token that may sit in a proxy's log:
//   X-Sitroom-Timestamp: <Unix seconds>
//   X-Sitroom-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the secret>
// A timestamp more than five minutes off is refused, so a captured request cannot be replayed
// later. The secret lives in the hub's environment, never in the config repository.

export const SIGNATURE_HEADER = 'x-sitroom-signature';
export const TIMESTAMP_HEADER = 'x-sitroom-timestamp';
export const MAX_SKEW_SECONDS = 300;

/** The signature a sender puts in X-Sitroom-Signature. */
export function signIngest(secret: string, timestamp: number, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/** Refuses (401) a delivery whose integration wants a signature and does not carry a valid one. */
export function verifyIngestSignature(
  integration: Integration | null,
  headers: IncomingHttpHeaders,
  body: Buffer,
  now: number = Date.now(),
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (!integration?.hmacSecretEnv) return;
  const secret = env[integration.hmacSecretEnv] ?? '';
  // The loader refuses a config naming an unset variable; one unset since is still a refusal.
  if (secret === '') throw refused(`the hub has no ${integration.hmacSecretEnv} to check the signature with`);
  const stamp = String(headers[TIMESTAMP_HEADER] ?? '');
  const signature = String(headers[SIGNATURE_HEADER] ?? '');
  if (!/^\d{1,12}$/.test(stamp) || signature === '')
    throw refused(
      `integration "${integration.id}" signs its deliveries: send X-Sitroom-Timestamp and X-Sitroom-Signature`,
    );
  const timestamp = Number(stamp);
  if (Math.abs(now / 1000 - timestamp) > MAX_SKEW_SECONDS)
    throw refused('X-Sitroom-Timestamp is more than five minutes from the hub’s clock');
  const expected = Buffer.from(signIngest(secret, timestamp, body));
  const presented = Buffer.from(signature);
  if (expected.length !== presented.length || !timingSafeEqual(expected, presented))
    throw refused('X-Sitroom-Signature does not match the body');
}

function refused(message: string): HttpError {
  return new HttpError(401, 'unauthorized', message);
}
