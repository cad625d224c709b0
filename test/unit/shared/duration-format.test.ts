import { describe, expect, it } from 'vitest';
import { resolvedDurationText } from '../../../renderer/format';
import { formatDuration, formatDurationBrief } from '../../../shared/duration-format';
import { summarizeIncident, summaryLines } from '../../../shared/export/summary';
import { foldIncident, numberEvents, T0 } from '../export/timeline-fixture';

const prom = { kind: 'integration', id: 'prom' } as const;

/** A real folded incident that lasted `lastedMs`, opened at T0. */
function incidentThatLasted(lastedMs: number) {
  const events = numberEvents([
    {
      type: 'incident_opened',
      incidentId: 'INC-12',
      at: T0,
      actor: prom,
      title: 'CheckoutLatencyHigh on checkout',
      severity: 'sev2',
      source: 'alertmanager',
      groupKey: 'alertmanager:{}',
    },
    { type: 'incident_resolved', incidentId: 'INC-12', at: T0 + lastedMs, actor: prom, reason: 'manual' },
  ]);
  return { incident: foldIncident(events, 'INC-12'), events };
}

function exportedDuration(lastedMs: number): string | null {
  const { incident, events } = incidentThatLasted(lastedMs);
  const lines = summaryLines(summarizeIncident(incident, events, T0 + lastedMs + 60_000), 'UTC');
  return lines.find((line) => line.key === 'duration')?.value ?? null;
}

describe('one incident, one duration', () => {
  it('reads the same in the console and in its export, seconds that are nearly up included', () => {
    for (const lastedMs of [299_600, 299_400, 59_999, 3_599_500, 3_723_000, 86_399_999]) {
      const { incident } = incidentThatLasted(lastedMs);
      const console = resolvedDurationText(incident.openedAt, incident.resolvedAt ?? 0);
      expect(console).toBe(`open for ${exportedDuration(lastedMs)}`);
    }
    expect(exportedDuration(299_600)).toBe('4m 59s');
  });
});

describe('formatDuration', () => {
  it('reads like a person would say it, counting whole seconds as a clock does', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(59_999)).toBe('59s');
    expect(formatDuration(252_000)).toBe('4m 12s');
    expect(formatDuration(3_723_000)).toBe('1h 02m 03s');
    expect(formatDuration(2 * 86_400_000 + 3_600_000)).toBe('2d 01h 00m');
  });

  it('shows a negative duration from clock skew as 0s rather than nonsense', () => {
    expect(formatDuration(-5_000)).toBe('0s');
    expect(formatDurationBrief(-5_000)).toBe('0s');
  });
});

describe('formatDurationBrief', () => {
  it('reads in the two most significant units, for walls', () => {
    expect(formatDurationBrief(0)).toBe('0s');
    expect(formatDurationBrief(3 * 60_000 + 12_000)).toBe('3m 12s');
    expect(formatDurationBrief(2 * 3_600_000 + 5 * 60_000 + 59_000)).toBe('2h 05m');
    expect(formatDurationBrief(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 04h');
  });

  it('is always the start of the full text, so a wall and an export never contradict each other', () => {
    for (const ms of [0, 999, 59_999, 299_600, 3_599_999, 3_723_000, 90_061_000, 86_399_999]) {
      expect(formatDuration(ms).startsWith(formatDurationBrief(ms))).toBe(true);
    }
  });
});
