import { describe, expect, it } from 'vitest';
import { signIngest, verifyIngestSignature } from '../../../server/auth/ingest-signature';
import type { Integration } from '../../../shared/config/types';
import { emptyDict } from '../../../shared/dict';

const integration: Integration = {
  id: 'relay',
  kind: 'alertmanager',
  tokenSha256: null,
  routingKey: null,
  serviceLabel: null,
  severityMap: emptyDict(),
  hmacSecretEnv: 'SITROOM_HMAC_RELAY',
  api: null,
};
const env = { SITROOM_HMAC_RELAY: 'relay-secret' };
const body = Buffer.from('{"groupKey":"g"}');
const now = 1_800_000_000_000;
const stamp = now / 1000;

function check(headers: Record<string, string>, payload = body, at = now) {
  return () => verifyIngestSignature(integration, headers, payload, at, env);
}

describe('ingest HMAC', () => {
  const signed = {
    'x-sitroom-timestamp': String(stamp),
    'x-sitroom-signature': signIngest('relay-secret', stamp, body),
  };

  it('lets a correctly signed, fresh delivery through', () => {
    expect(check(signed)).not.toThrow();
    expect(check(signed, body, now + 299_000)).not.toThrow();
  });

  it('refuses a missing, wrong or stale signature, and a changed body', () => {
    expect(check({})).toThrow(/signs its deliveries/);
    expect(check({ ...signed, 'x-sitroom-signature': signIngest('guess', stamp, body) })).toThrow(
      /does not match/,
    );
    expect(check(signed, Buffer.from('{"groupKey":"h"}'))).toThrow(/does not match/);
    expect(check(signed, body, now + 301_000)).toThrow(/five minutes/);
    expect(check({ ...signed, 'x-sitroom-timestamp': 'soon' })).toThrow(/X-Sitroom-Timestamp/);
  });

  it('asks nothing of an integration without a secret', () => {
    expect(() =>
      verifyIngestSignature({ ...integration, hmacSecretEnv: null }, {}, body, now, env),
    ).not.toThrow();
    expect(() => verifyIngestSignature(null, {}, body, now, env)).not.toThrow();
  });
});
