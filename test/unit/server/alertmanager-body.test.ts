import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAlertmanagerBody, quickParse } from '../../../server/ingest/alertmanager-body';
import { alertmanagerWebhookSchema } from '../../../shared/ingest/alertmanager';
import { samplesDir } from '../../support/hub';

// The quick walk of an Alertmanager body must answer as the schema does: whatever it accepts, the
// schema accepts and makes the very same value of (null-prototype label tables, defaults, keys it
// does not know dropped); what it is unsure of goes to the schema, whose refusal is the answer.

const sample = (name: string): unknown => JSON.parse(readFileSync(join(samplesDir, name), 'utf8'));

/** Something that is not what a field wants. */
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string(),
  fc.constant([]),
  fc.constant({}),
  fc.constant(Object.create(null)),
);
/** Mostly a good value; now and then one just past a limit, or junk. */
const maybe = <T>(good: fc.Arbitrary<T>, nearMiss: fc.Arbitrary<unknown> = junk) =>
  fc.oneof(
    { weight: 40, arbitrary: good },
    { weight: 1, arbitrary: nearMiss },
    { weight: 1, arbitrary: junk },
  );
const text = (max: number) =>
  maybe(
    fc.oneof(fc.string({ maxLength: 8 }), fc.constant('x'.repeat(max))),
    fc.constant('x'.repeat(max + 1)),
  );
const labelKeys = fc.constantFrom('alertname', 'severity', 'service', '__proto__', 'constructor', '10', '');
const labels = maybe(fc.dictionary(labelKeys, maybe(fc.string({ maxLength: 6 })), { maxKeys: 4 }));
const time = maybe(
  fc.constantFrom('2026-11-27T04:23:52Z', '2026-11-27T04:23:52.123456789+01:00', '0001-01-01T00:00:00Z'),
  fc.constantFrom(
    '2026-02-31T00:00:00Z',
    '1969-12-31T23:59:59Z',
    'yesterday',
    `2026-11-27T04:23:52.${'1'.repeat(60)}Z`,
    // Go's zero time with a long fraction: a time by its pattern, too long by the schema.
    `0001-01-01T00:00:00.${'0'.repeat(44)}Z`,
  ),
);
const status = maybe(fc.constantFrom('firing', 'resolved'), fc.constant('pending'));

const alert = fc.record(
  {
    status,
    labels,
    annotations: labels,
    startsAt: time,
    endsAt: time,
    generatorURL: text(8192),
    fingerprint: maybe(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('', 'x'.repeat(257))),
    dashboardURL: text(8192),
    panelURL: text(8192),
    silenceURL: text(8192),
    imageURL: text(8192),
    extra: fc.anything(),
  },
  { requiredKeys: ['status', 'labels', 'startsAt'] },
);

const webhook = fc.record(
  {
    version: text(16),
    groupKey: maybe(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('', 'x'.repeat(8193))),
    truncatedAlerts: maybe(fc.nat(), fc.constantFrom(-1, 1.5, 2 ** 60, -0)),
    status,
    receiver: text(1024),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: labels,
    externalURL: text(8192),
    alerts: maybe(fc.array(maybe(alert), { maxLength: 3 })),
    receiverType: fc.string(),
  },
  { requiredKeys: ['groupKey', 'status', 'alerts'] },
);

describe('parseAlertmanagerBody', () => {
  it('takes the shipped samples the quick way, as the schema reads them', () => {
    for (const name of ['alertmanager-firing.json', 'alertmanager-resolved.json', 'grafana-firing.json']) {
      const body = sample(name);
      const quick = quickParse(body);
      expect(quick, name).not.toBeNull();
      expect(isDeepStrictEqual(quick, alertmanagerWebhookSchema.parse(body)), name).toBe(true);
    }
  });

  it('accepts only what the schema accepts, and makes the same of it', () => {
    fc.assert(
      fc.property(webhook, (body) => {
        const schema = alertmanagerWebhookSchema.safeParse(body);
        const quick = quickParse(body);
        if (quick !== null) {
          expect(schema.success).toBe(true);
          expect(isDeepStrictEqual(quick, schema.data)).toBe(true);
        }
        const answer = parseAlertmanagerBody(body);
        expect(answer.success).toBe(schema.success);
        if (answer.success) expect(isDeepStrictEqual(answer.data, schema.data)).toBe(true);
        else expect(answer.error.issues).toEqual(schema.error?.issues);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the quick way for every body the schema accepts from JSON', () => {
    let accepted = 0;
    fc.assert(
      fc.property(webhook, (body) => {
        // What a sender can post: JSON, so no undefined anywhere.
        const posted: unknown = JSON.parse(JSON.stringify(body));
        if (alertmanagerWebhookSchema.safeParse(posted).success) {
          accepted += 1;
          expect(quickParse(posted)).not.toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
    // The bodies above are mostly well-formed, so this is a test of the quick walk, not of junk.
    expect(accepted).toBeGreaterThan(400);
  });
});
