import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../shared/events';
import { describeEvent } from '../../../shared/export/describe-event';
import { escapeMarkdown, timelineMarkdown } from '../../../shared/export/markdown';
import { foldIncident, HOSTILE_TEXTS, handWorkedEvents, NAMES, T0 } from './timeline-fixture';

// Reads the GFM table back the way a renderer splits it: a cell ends at a pipe not escaped by a
// backslash. Each cell's raw text is kept so tests can check that no syntax survives unescaped.
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char === '\\') {
      cell += line.slice(i, i + 2);
      i += 1;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  return cells.slice(1); // the text before the leading pipe
}

function tableRows(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf('| ---: | --- | --- | --- |');
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('|')) break;
    rows.push(splitRow(line));
  }
  return rows;
}

/** Syntax characters in `cell` that are not backslash-escaped (our own <br> aside). */
function liveSyntax(cell: string): string[] {
  const text = cell.replaceAll('<br>', '');
  const live: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '\\') i += 1;
    else if ('`*_[]|~#<>'.includes(char)) live.push(char);
  }
  return live;
}

const readCell = (cell: string): string =>
  cell
    .replace(/<br>/g, '\n')
    .replace(/\\(.)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('timelineMarkdown', () => {
  const events = handWorkedEvents();
  const incident = foldIncident(events);
  const markdown = timelineMarkdown(incident, events, { timeZone: 'UTC', now: T0, names: NAMES });
  const rows = tableRows(markdown);

  it('opens with the summary', () => {
    expect(markdown.startsWith('# INC-1: PostgresReplicationLag on payments-db\n')).toBe(true);
    expect(markdown).toContain('- **Severity:** SEV2\n');
    expect(markdown).toContain('- **Time to acknowledge:** 4m 12s\n');
    expect(markdown).toContain('- **Time to resolve:** 1h 02m 03s\n');
    expect(markdown).toContain('- **Commander:** Dana Reyes\n');
    expect(markdown).toContain('- **People involved:** Alice Ng, Dana Reyes, bob\n');
  });

  it('has one four-cell table row per event, in seq order, saying what the event says', () => {
    expect(rows).toHaveLength(events.length);
    for (const row of rows) expect(row).toHaveLength(4);
    expect(rows.map((row) => Number(row[0]))).toEqual(events.map((event) => event.seq));
    expect(rows.map((row) => readCell(row[3] ?? ''))).toEqual(
      events.map((event) =>
        describeEvent(event, { alerts: incident.alerts, names: NAMES }).replace(/\r\n|\r|\n/g, '\n'),
      ),
    );
    expect(rows[3]).toEqual(['4', '2026-11-27 04:28:04 UTC', 'Alice Ng', 'Acknowledged']);
  });

  it('leaves no Markdown or HTML syntax live in hostile notes', () => {
    const notes = rows.filter((row) => row[3]?.startsWith('Note: '));
    expect(notes.map((row) => readCell(row[3] ?? ''))).toEqual(
      HOSTILE_TEXTS.map((text) => `Note: ${text.replace(/\r\n/g, '\n')}`),
    );
    for (const row of rows) for (const cell of row) expect(liveSyntax(cell), cell).toEqual([]);
    expect(markdown.replace(/<br>/g, '')).not.toMatch(/[<>]/);
    expect(markdown).toContain('Note: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdown).toContain('Zoë 🚨 日本語');
  });
});

describe('escapeMarkdown', () => {
  it('escapes syntax, encodes HTML and folds line breaks into <br>', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('[x](javascript:y)')).toBe('\\[x\\](javascript:y)');
    expect(escapeMarkdown('<b>&amp;</b>')).toBe('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(escapeMarkdown('one\r\ntwo\nthree')).toBe('one<br>two<br>three');
    expect(escapeMarkdown('tab\there\u0000')).toBe('tab here');
  });

  it('keeps bare URLs, www. names and e-mail addresses from becoming links', () => {
    const escaped = escapeMarkdown('see https://evil.example/x, WWW.evil.example and ops@evil.example');
    expect(escaped).toBe('see https\\://evil.example/x, WWW\\.evil.example and ops\\@evil.example');
    // What GFM's extended autolinks start from, none left unescaped:
    expect(escaped).not.toMatch(/(^|[^\\]):\/\/|(^|[^\\])www\.|(^|[^\\])@/i);
  });

  it('shows bidi overrides and zero-width characters, and drops NUL', () => {
    expect(escapeMarkdown('pay\u200Bments \u202Egnp.exe\u0000')).toBe(
      'pay&lt;U+200B&gt;ments &lt;U+202E&gt;gnp.exe',
    );
  });
});

describe('a timeline export of a notify that told many teams', () => {
  it('names every team told: the export is the record a review reads', () => {
    const events = handWorkedEvents({ notes: [] });
    const teams = Array.from({ length: 40 }, (_, i) => `team-${i}`);
    const told: HubEvent = {
      seq: events.length + 1,
      incidentId: 'INC-1',
      at: T0 + 30 * 60_000,
      actor: { kind: 'user', id: 'dana' },
      type: 'teams_notified',
      teams: teams.map((teamId) => ({ teamId, channels: [] })),
      unreachable: [],
    } as unknown as HubEvent;
    const all = [...events, told];
    const markdown = timelineMarkdown(foldIncident(all), all, { timeZone: 'UTC', now: T0, names: NAMES });
    expect(markdown).toContain(escapeMarkdown(`Teams notified: ${teams.join(', ')}`));
    expect(markdown).not.toContain('and 30 more');
  });
});
