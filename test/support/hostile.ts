import fc from 'fast-check';

// What an attacker (or a broken sender) puts where monitoring text goes: prototype words, bidi
// overrides and zero-width characters, NUL and lone surrogates, markup and formulas, huge and
// deeply nested values, dates Date.parse would guess at, bodies that are not UTF-8 or say
// another charset. The hostile suites (test/integration/hostile-*.test.ts, test/e2e/hostile-board)
// generate their payloads from these, with a fixed seed so a failure replays.

/** The seed of every hostile run; HOSTILE_SEED=n tries another corner of the space. */
export const HOSTILE_SEED = Number(process.env.HOSTILE_SEED ?? 20_261_204);

export const PROTOTYPE_WORDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'Constructor',
  'CONSTRUCTOR',
  ' __proto__ ',
];

const NASTY_TEXT = [
  '\u202Egnp.exe',
  'pay\u200Bments-db',
  '\u2066isolate\u2069',
  '\u0000',
  'disk\u0000full',
  '\uD800',
  '\uDFFF lone',
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|calc',
  'https://evil.example/phish',
  'www.evil.example',
  'ops@evil.example',
  '| cell | break |',
  '`**_~#[x](javascript:alert(1))',
  '\r\n\u2028\u2029',
  'Zoë 🚨 日本語 עברית',
  '',
  ' ',
];

/** Text as hostile as monitoring text gets. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_WORDS, ...NASTY_TEXT) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 20_000 }) },
);

/** Mostly `valid`, now and then `hostile`: enough gets through to reach the log and the board. */
function mostly<T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>, weight = 8): fc.Arbitrary<T> {
  return fc.oneof({ weight, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

/** Hostile text within a field's length limit, so the field itself is accepted. */
const hostileField = (max: number): fc.Arbitrary<string> =>
  hostileText.filter((text) => text.length >= 1 && text.length <= max);

/** A key for a label set or custom_details: mostly prototype words and odd text. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_WORDS, 'severity', 'service', 'alertname', 'summary', 'runbook_url'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** Dates as they arrive: most real, many that Date.parse would make something of. */
export const oddDate: fc.Arbitrary<string> = mostly(
  fc
    .date({
      min: new Date('1971-01-01T00:00:00Z'),
      max: new Date('2190-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
  fc.oneof(
    fc.constantFrom(
      '0001-01-01T00:00:00Z',
      '1',
      '2026',
      '+275760-09-13T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-11-27T04:23:52+01:00',
      '2026-11-27T04:23:52.123456789Z',
      '2026-11-27',
      'Nov 27 2026',
      '1969-12-31T23:59:59Z',
      '',
    ),
    fc.string({ maxLength: 30 }),
  ),
  4,
);

/** A JSON value nested `depth` deep, for custom_details and annotations gone wild. */
function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { [`k${level}`]: value } : [value];
  return value;
}

export const deepValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.tuple(fc.integer({ min: 20, max: 40 }), hostileText).map(([depth, leaf]) => nested(depth, leaf)),
  fc.integer({ min: 100, max: 2_000 }).map((depth) => nested(depth, 'bottom')),
);

const labelSet = fc.dictionary(hostileKey, hostileText, { maxKeys: 6 });

const alertmanagerAlert = fc.record(
  {
    status: mostly(fc.constantFrom('firing', 'firing', 'resolved'), fc.constantFrom('FIRING', 'constructor')),
    labels: labelSet,
    annotations: labelSet,
    startsAt: oddDate,
    endsAt: oddDate,
    generatorURL: hostileField(8192),
    fingerprint: mostly(hostileField(256), hostileText),
  },
  { requiredKeys: ['status', 'labels', 'startsAt'] },
);

/** An Alertmanager webhook body, usually of the right shape, with hostile contents. */
export const alertmanagerBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        version: fc.constant('4'),
        groupKey: mostly(fc.oneof(hostileField(8192), fc.constantFrom(...PROTOTYPE_WORDS)), hostileText),
        status: fc.constantFrom('firing', 'resolved'),
        receiver: hostileField(1024),
        groupLabels: labelSet,
        commonLabels: labelSet,
        commonAnnotations: labelSet,
        externalURL: hostileField(8192),
        truncatedAlerts: mostly(fc.nat(5), fc.constant(-1)),
        alerts: fc.array(alertmanagerAlert, { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: ['groupKey', 'status', 'alerts'] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

/** A PagerDuty Events v2 body, usually of the right shape, with hostile contents. */
export const pagerdutyBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        routing_key: mostly(fc.constant('R015Q2ZTZ7DW4W8Q9Y1ZZP1QK5QWZ3E2'), hostileText),
        event_action: mostly(
          fc.constantFrom('trigger', 'trigger', 'acknowledge', 'resolve'),
          fc.constant('__proto__'),
        ),
        dedup_key: mostly(fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), hostileField(255)), hostileText),
        payload: fc.record(
          {
            summary: mostly(hostileField(1024), hostileText),
            source: mostly(hostileField(1024), hostileText),
            severity: mostly(
              fc.constantFrom('critical', 'error', 'warning', 'info'),
              fc.constantFrom('constructor', '__proto__'),
            ),
            timestamp: oddDate,
            component: hostileField(1024),
            group: hostileField(1024),
            class: hostileField(1024),
            custom_details: mostly(fc.jsonValue({ maxDepth: 3 }), deepValue, 3),
          },
          { requiredKeys: ['summary', 'source', 'severity'] },
        ),
        links: fc.array(fc.record({ href: hostileField(8192), text: hostileField(1024) }), { maxLength: 3 }),
        client: hostileField(1024),
        client_url: hostileField(8192),
      },
      { requiredKeys: ['routing_key', 'event_action'] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

/** PagerDuty change events (POST /v2/change/enqueue): mostly well-formed, every field hostile. */
export const pagerdutyChangeBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        routing_key: mostly(fc.constant('R015Q2ZTZ7DW4W8Q9Y1ZZP1QK5QWZ3E2'), hostileText),
        payload: fc.record(
          {
            summary: mostly(hostileField(1024), hostileText),
            source: mostly(fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), hostileField(1024)), hostileText),
            timestamp: oddDate,
            custom_details: mostly(
              fc.record({ service: hostileField(256), kind: hostileField(32), by: hostileField(256) }),
              fc.oneof(fc.jsonValue({ maxDepth: 3 }), deepValue),
              3,
            ),
          },
          { requiredKeys: ['summary'] },
        ),
        links: fc.array(fc.record({ href: hostileField(8192), text: hostileField(1024) }), { maxLength: 3 }),
      },
      { requiredKeys: ['routing_key', 'payload'] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

/** Sitroom's generic change (POST /api/v1/ingest/change). */
export const genericChangeBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        service: mostly(fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), hostileField(256)), hostileText),
        summary: mostly(hostileField(1024), hostileText),
        kind: mostly(
          fc.constantFrom('deploy', 'config', 'flag', 'other'),
          fc.constantFrom('__proto__', 'constructor'),
        ),
        by: hostileField(256),
        at: oddDate,
        links: fc.array(fc.record({ href: hostileField(8192), text: hostileField(1024) }), { maxLength: 3 }),
      },
      { requiredKeys: ['service', 'summary'] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

const COMMAND_TYPES = [
  'acknowledge',
  'assign_commander',
  'add_responder',
  'remove_responder',
  'set_severity',
  'add_note',
  'set_status',
  'reopen',
  'merge',
  'escalate',
  'notify_impacted',
  'complete_runbook_step',
];

const ulidLike = mostly(
  fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), hostileText),
);

/** A command body as a console (or something pretending to be one) would send it. */
export const commandBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        commandId: ulidLike,
        type: mostly(fc.constantFrom(...COMMAND_TYPES), fc.constantFrom(...PROTOTYPE_WORDS)),
        incidentId: mostly(
          fc.constantFrom('INC-1', 'INC-2', 'INC-3'),
          fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), hostileText),
        ),
        userId: mostly(
          fc.constant('local'),
          fc.oneof(fc.constantFrom('dana', '__proto__', 'constructor'), hostileText),
        ),
        severity: mostly(
          fc.constantFrom('sev1', 'sev2', 'sev3', 'sev4'),
          fc.constantFrom('constructor', '__proto__', 'SEV1'),
        ),
        status: mostly(
          fc.constantFrom('investigating', 'identified', 'mitigated', 'resolved'),
          fc.constant('constructor'),
        ),
        text: mostly(hostileField(10_000), hostileText),
        stepId: hostileField(200),
        level: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constant('1')),
        intoIncidentId: fc.oneof(fc.constantFrom('INC-1', 'INC-2', '__proto__'), hostileText),
      },
      { requiredKeys: ['commandId', 'type', 'incidentId'] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

/** How a body goes on the wire: JSON as it should be, or bytes and charsets it should not be. */
export interface WireBody {
  readonly bytes: Buffer;
  readonly contentType: string;
}

export function onTheWire(body: unknown): fc.Arbitrary<WireBody> {
  const json = JSON.stringify(body) ?? 'null';
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc.constant({ bytes: Buffer.from(json, 'utf8'), contentType: 'application/json' }),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        bytes: Buffer.from(json, 'utf8'),
        contentType: 'application/json; charset=latin1',
      }),
    },
    {
      weight: 1,
      // A byte that is never UTF-8, spliced into the text.
      arbitrary: fc.nat(json.length).map((at) => ({
        bytes: Buffer.concat([
          Buffer.from(json.slice(0, at), 'utf8'),
          Buffer.from([0xff, 0xc3]),
          Buffer.from(json.slice(at), 'utf8'),
        ]),
        contentType: 'application/json',
      })),
    },
    { weight: 1, arbitrary: fc.constant({ bytes: Buffer.from(json, 'utf8'), contentType: 'text/plain' }) },
  );
}

/** A hostile body, and how it is put on the wire. */
export function hostileRequest(body: fc.Arbitrary<unknown>): fc.Arbitrary<WireBody> {
  return body.chain(onTheWire);
}
