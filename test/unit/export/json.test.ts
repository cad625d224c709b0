import { describe, expect, it } from 'vitest';
import { timelineJson } from '../../../shared/export/timeline-json';
import { foldIncident, HOSTILE_TEXTS, handWorkedEvents, NAMES, T0 } from './timeline-fixture';

interface TimelineJson {
  summary: Record<string, unknown>;
  summaryLines: Array<{ key: string; label: string; value: string | null }>;
  exported: string;
  timeline: Array<Record<string, unknown>>;
}

describe('timelineJson', () => {
  const events = handWorkedEvents();
  const text = timelineJson(foldIncident(events), events, {
    timeZone: 'America/New_York',
    now: T0,
    names: NAMES,
  });
  const parsed = JSON.parse(text) as TimelineJson;

  it('summarises with ISO instants, zone-formatted times and durations in seconds', () => {
    expect(parsed.summary).toMatchObject({
      id: 'INC-1',
      severity: 'sev2',
      status: 'resolved',
      timeZone: 'America/New_York',
      openedAt: '2026-11-27T04:23:52.000Z',
      opened: '2026-11-26 23:23:52 -05:00 (America/New_York)',
      acknowledgedAt: '2026-11-27T04:28:04.000Z',
      resolvedAt: '2026-11-27T05:25:55.000Z',
      durationSeconds: 3723,
      timeToAcknowledgeSeconds: 252,
      timeToResolveSeconds: 3723,
      ongoing: false,
      commander: 'dana',
      people: ['alice', 'dana', 'bob'],
      services: ['payments-db'],
      alertCount: 2,
    });
  });

  // The browser's PDF is printed from this file: it must carry the summary as people read it.
  it('words the summary as the other formats do: people by name, durations, the export time', () => {
    const line = (key: string) => parsed.summaryLines.find((entry) => entry.key === key)?.value;
    expect(line('commander')).toBe('Dana Reyes');
    expect(line('people')).toBe('Alice Ng, Dana Reyes, bob');
    expect(line('time_to_acknowledge')).toBe('4m 12s');
    expect(parsed.exported).toBe('2026-11-26 23:23:52 -05:00 (America/New_York)');
  });

  it('lists every event in seq order with its own fields', () => {
    expect(parsed.timeline.map((item) => item.seq)).toEqual(events.map((event) => event.seq));
    expect(parsed.timeline.map((item) => item.type)).toEqual(events.map((event) => event.type));
    expect(parsed.timeline[3]).toEqual({
      seq: 4,
      at: '2026-11-27T04:28:04.000Z',
      time: '2026-11-26 23:28:04 -05:00 (America/New_York)',
      actor: 'Alice Ng',
      actorRef: { kind: 'user', id: 'alice' },
      type: 'incident_acknowledged',
      description: 'Acknowledged',
    });
    expect(parsed.timeline[6]).toMatchObject({
      type: 'severity_changed',
      severity: 'sev2',
      previous: 'sev1',
    });
  });

  it('keeps hostile notes exactly, and no raw <, > or & in the file', () => {
    const notes = parsed.timeline.filter((item) => item.type === 'note_added').map((item) => item.text);
    expect(notes).toEqual([...HOSTILE_TEXTS]);
    expect(text).not.toMatch(/[<>&]/);
    expect(text).toContain('\\u003cscript\\u003e');
  });
});
