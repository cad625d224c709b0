import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula } from '../../../shared/export/csv';
import { describeEvent } from '../../../shared/export/describe-event';
import { incidentsCsv } from '../../../shared/export/incidents-csv';
import { TIMELINE_CSV_HEADER, timelineCsv } from '../../../shared/export/timeline-csv';
import { parseCsv } from './parse-csv';
import { foldIncident, HOSTILE_TEXTS, handWorkedEvents, numberEvents, T0 } from './timeline-fixture';

const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];
const live = (cell: string): boolean => FORMULA_START.some((char) => cell.startsWith(char));

describe('csvField', () => {
  it('quotes what RFC 4180 requires and doubles embedded quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
  });

  it('turns every formula start into text with a leading apostrophe', () => {
    for (const text of ['=1+1', '+1+1', '-2', '@SUM(1)', '\t=1', '\r=1', '＝1+1']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
    expect(neutraliseFormula('Note: =1+1')).toBe('Note: =1+1');
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });
});

describe('timelineCsv', () => {
  const events = handWorkedEvents();
  const incident = foldIncident(events);
  const text = timelineCsv(incident, events, { timeZone: 'UTC', now: T0 });
  const [header, ...rows] = parseCsv(text);

  it('is one rectangular table in CRLF records (strictly parsed) with a header', () => {
    expect(header).toEqual([...TIMELINE_CSV_HEADER]);
    for (const row of rows) expect(row).toHaveLength(5);
  });

  it('starts with the summary as "summary" rows, then every event in seq order', () => {
    const summary = rows.filter((row) => row[3] === 'summary').map((row) => row[4]);
    expect(summary).toContain('Time to acknowledge: 4m 12s');
    expect(summary).toContain('Time to resolve: 1h 02m 03s');
    expect(rows.findIndex((row) => row[3] !== 'summary')).toBe(summary.length);
    const timeline = rows.slice(summary.length);
    expect(timeline.map((row) => row[0])).toEqual(events.map((event) => String(event.seq)));
    expect(timeline.map((row) => row[3])).toEqual(events.map((event) => event.type));
    expect(timeline.map((row) => row[4])).toEqual(
      events.map((event) => describeEvent(event, { alerts: incident.alerts })),
    );
    expect(timeline[0]?.[1]).toBe('2026-11-27 04:23:52 UTC');
  });

  it('carries hostile notes through unchanged in meaning and inert', () => {
    const notes = rows.filter((row) => row[3] === 'note_added').map((row) => row[4]);
    expect(notes).toEqual(HOSTILE_TEXTS.map((note) => `Note: ${note}`));
    for (const row of rows) for (const cell of row) expect(live(cell), cell).toBe(false);
  });

  it('neutralises hostile text where it would start a cell: actors and the timeline zone', () => {
    const hostile = numberEvents([
      {
        type: 'incident_opened',
        incidentId: 'INC-1',
        at: T0,
        actor: { kind: 'user', id: 'eve' },
        title: 'Disk full',
        severity: 'sev3',
        source: 'alertmanager',
        groupKey: 'g',
      },
      { type: 'note_added', incidentId: 'INC-1', at: T0, actor: { kind: 'user', id: '-mallory' }, text: 'x' },
    ]);
    const csv = timelineCsv(foldIncident(hostile), hostile, {
      timeZone: 'UTC',
      now: T0,
      names: { eve: '=cmd|" /C calc"!A0' },
    });
    const cells = parseCsv(csv).flat();
    expect(cells).toContain(`'=cmd|" /C calc"!A0`);
    expect(cells).toContain(`'-mallory`);
    for (const cell of cells) expect(live(cell), cell).toBe(false);
  });

  it('starts with a UTF-8 BOM so spreadsheets read unicode right', () => {
    expect(text.startsWith('\uFEFFseq,')).toBe(true);
    expect(text).toContain('Zoë 🚨 日本語');
  });
});

describe('incidentsCsv', () => {
  it('gives one row per incident, oldest first, with durations in seconds', () => {
    const first = handWorkedEvents();
    const second = numberEvents(
      [
        {
          type: 'incident_opened',
          incidentId: 'INC-2',
          at: T0 - 3_600_000,
          actor: { kind: 'integration', id: 'pd' },
          title: '=HYPERLINK("http://evil","x")',
          severity: 'sev3',
          source: 'pagerduty',
          groupKey: 'k',
        },
      ],
      100,
    );
    const csv = incidentsCsv([foldIncident(first), foldIncident(second, 'INC-2')], {
      timeZone: 'Europe/Berlin',
      now: T0,
      names: { dana: 'Dana Reyes' },
    });
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([
      'id',
      'title',
      'severity',
      'status',
      'services',
      'opened',
      'acknowledged',
      'resolved',
      'time_to_acknowledge_s',
      'time_to_resolve_s',
      'commander',
      'alert_count',
    ]);
    expect(rows).toEqual([
      [
        'INC-2',
        `'=HYPERLINK("http://evil","x")`,
        'SEV3',
        'investigating',
        '',
        '2026-11-27 04:23:52 +01:00 (Europe/Berlin)',
        '',
        '',
        '',
        '',
        '',
        '0',
      ],
      [
        'INC-1',
        'PostgresReplicationLag on payments-db',
        'SEV2',
        'resolved',
        'payments-db',
        '2026-11-27 05:23:52 +01:00 (Europe/Berlin)',
        '2026-11-27 05:28:04 +01:00 (Europe/Berlin)',
        '2026-11-27 06:25:55 +01:00 (Europe/Berlin)',
        '252',
        '3723',
        'Dana Reyes',
        '2',
      ],
    ]);
  });

  it('is just a header for no incidents', () => {
    expect(parseCsv(incidentsCsv([], { timeZone: 'UTC', now: 0 }))).toHaveLength(1);
  });
});

describe('hidden characters in CSV cells', () => {
  it('drops NUL, shows bidi overrides and zero-width characters, and still sees a formula behind them', () => {
    expect(csvField('disk\u0000full')).toBe('diskfull');
    expect(csvField('\u202Egnp.exe')).toBe('<U+202E>gnp.exe');
    expect(csvField('pay\u200Bments')).toBe('pay<U+200B>ments');
    expect(csvField('\u0000=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
  });
});
