import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { normaliseAlertmanager } from '../../../server/ingest/alertmanager';
import { planIngest } from '../../../server/ingest/grouping';
import { mappingFor } from '../../../server/ingest/mapping';
import { normalisePagerduty } from '../../../server/ingest/pagerduty';
import type { Incident } from '../../../shared/domain';
import type { HubEvent, NewEvent } from '../../../shared/events';
import { alertmanagerWebhookSchema } from '../../../shared/ingest/alertmanager';
import { pagerdutyEventSchema } from '../../../shared/ingest/pagerduty';
import { applyEvents } from '../../../shared/reducer';
import { FALLBACK_SEVERITY, mapSeverity } from '../../../shared/severity';

// Every name Object.prototype answers to, as monitoring might send it: as a severity word, a
// label, a fingerprint, a PagerDuty dedup_key, a config key. Each must be ordinary text.

const PROTOTYPE_WORDS = [
  '__proto__',
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'Constructor',
  'CONSTRUCTOR',
  ' constructor ',
  'toString',
  'hasOwnProperty',
];

const actor = { kind: 'integration', id: 'test' } as const;

/** Runs the planned events of each delivery through the reducer, as the writer does. */
function replay(deliveries: ReadonlyArray<ReturnType<typeof normalisePagerduty>>): Incident[] {
  let incidents: Readonly<Record<string, Incident>> = {};
  let seq = 0;
  let next = 1;
  for (const delivery of deliveries) {
    const open = Object.values(incidents).find(
      (incident) => incident.groupKey === delivery.groupKey && incident.status !== 'resolved',
    );
    const planned: NewEvent[] = planIngest(delivery, open, () => `INC-${next++}`);
    incidents = applyEvents(
      incidents,
      planned.map((event) => ({ ...event, seq: ++seq }) as HubEvent),
    );
  }
  return Object.values(incidents);
}

function amBody(labels: Record<string, string>, fingerprint: string, status = 'firing') {
  // JSON, as it arrives: a "__proto__" key is then an own key of the parsed object.
  const labelText = Object.entries(labels)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join(',');
  return alertmanagerWebhookSchema.parse(
    JSON.parse(
      `{"groupKey":"g","status":"${status}","alerts":[{"status":"${status}","labels":{${labelText}},` +
        `"startsAt":"2026-11-27T04:00:00Z","fingerprint":${JSON.stringify(fingerprint)}}]}`,
    ),
  );
}

describe('prototype words', () => {
  it.each(PROTOTYPE_WORDS)('%j as a severity word is an unknown word, not a crash', (word) => {
    expect(mapSeverity(word)).toBe(FALLBACK_SEVERITY);
  });

  it.each(PROTOTYPE_WORDS)('%j as a label name and a fingerprint keeps the alert', (word) => {
    const batch = normaliseAlertmanager(
      amBody({ alertname: 'X', [word]: 'v', severity: word }, word),
      actor,
      1,
    );
    const alert = batch.alerts[0];
    expect(alert?.severity).toBe(FALLBACK_SEVERITY);
    expect(Object.keys(alert?.labels ?? {})).toContain(word);
    const [incident] = replay([batch]);
    expect(incident).toMatchObject({ alertCount: 1, firingCount: 1, severity: FALLBACK_SEVERITY });
    expect(Object.keys(incident?.alerts ?? {})).toEqual([word]);
  });

  it.each(PROTOTYPE_WORDS)('%j as a PagerDuty dedup_key fires and then resolves', (word) => {
    const trigger = pagerdutyEventSchema.parse({
      routing_key: 'r',
      event_action: 'trigger',
      dedup_key: word,
      payload: { summary: 'Packet loss', source: 'lb', severity: 'error', custom_details: { [word]: 1 } },
    });
    const resolve = pagerdutyEventSchema.parse({
      routing_key: 'r',
      event_action: 'resolve',
      dedup_key: word,
    });
    const firing = replay([normalisePagerduty(trigger, word, actor, 1)]);
    expect(firing[0]).toMatchObject({ alertCount: 1, firingCount: 1 });
    const resolved = replay([
      normalisePagerduty(trigger, word, actor, 1),
      normalisePagerduty(resolve, word, actor, 2),
    ]);
    expect(resolved[0]).toMatchObject({ status: 'resolved', firingCount: 0 });
  });

  it('in a config severity_map and match labels are ordinary words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitroom-proto-'));
    writeFileSync(
      join(dir, 'services.yaml'),
      [
        'severity_map:',
        '  __proto__: sev1',
        '  constructor: sev2',
        'teams:',
        '  - { id: noc, name: NOC }',
        'services:',
        '  - id: edge',
        '    name: Edge',
        '    team: noc',
        '    tier: 1',
        '    match:',
        '      labels: { __proto__: edge, toString: x }',
      ].join('\n'),
    );
    const result = await loadConfig(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(mapSeverity('__proto__', result.config.severityMap)).toBe('sev1');
    expect(mapSeverity('Constructor', result.config.severityMap)).toBe('sev2');
    expect(mapSeverity('hasOwnProperty', result.config.severityMap)).toBe(FALLBACK_SEVERITY);
    const mapping = mappingFor(result.config, null);
    const batch = normaliseAlertmanager(
      amBody({ ['__proto__']: 'edge', toString: 'x' }, 'f'),
      actor,
      1,
      mapping,
    );
    expect(batch.alerts[0]?.service).toBe('edge');
  });
});
