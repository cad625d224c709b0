import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/changes/change';
import { timelineMarkdown } from '../../../shared/export/markdown';
import { timelineCsv } from '../../../shared/export/timeline-csv';
import { timelineHtml } from '../../../shared/export/timeline-html';
import { timelineJson } from '../../../shared/export/timeline-json';
import { parseCsv } from './parse-csv';
import { foldIncident, HOSTILE_TEXTS, handWorkedEvents, MINUTE, T0 } from './timeline-fixture';

// The changes before an incident in every export format: the same sentence, and the sender's
// text as inert as an alert's.

const events = handWorkedEvents();
const incident = foldIncident(events);

const change = (n: number, summary: string, minutesBefore: number): Change => ({
  id: `01CHANGE${n}`,
  service: 'checkout-web',
  kind: 'deploy',
  summary,
  by: 'ci',
  at: incident.openedAt - minutesBefore * MINUTE,
  source: null,
  links: [{ href: `https://ci.example/run/${n}`, text: 'pipeline' }],
});

const options = (changes: ReadonlyArray<Change>) => ({ timeZone: 'UTC', now: T0 + 60 * MINUTE, changes });

describe('changes in timeline exports', () => {
  it('Markdown: a "Changes before" table, oldest first, links as escaped text', () => {
    const markdown = timelineMarkdown(
      incident,
      events,
      options([change(1, 'v2.3', 4), change(2, 'v2.2', 30)]),
    );
    const section = markdown.slice(markdown.indexOf('## Changes before'));
    expect(section).toContain(
      '| deploy checkout-web v2.3 by ci | 4 min before | pipeline: https\\://ci.example/run/1 |',
    );
    expect(section.indexOf('v2.2')).toBeLessThan(section.indexOf('v2.3'));
  });

  it('leaves the section out when nothing changed', () => {
    expect(timelineMarkdown(incident, events, options([]))).not.toContain('Changes before');
    expect(timelineHtml(incident, events, options([]))).not.toContain('Changes before');
  });

  it('CSV: rows of type "change", formula-safe', () => {
    for (const text of HOSTILE_TEXTS) {
      const rows = parseCsv(timelineCsv(incident, events, options([change(1, text, 4)])));
      const row = rows.find((cells) => cells[3] === 'change');
      expect(row?.[4]?.startsWith('deploy checkout-web ')).toBe(true);
      expect(row?.[4]).toContain(', 4 min before (pipeline: https://ci.example/run/1)');
      for (const cell of row ?? []) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });

  it('HTML: escaped text, no element from the sender, no link element', () => {
    for (const text of HOSTILE_TEXTS) {
      const html = timelineHtml(incident, events, options([change(1, text, 4)]));
      const section = html.slice(html.indexOf('<h2>Changes before</h2>'), html.indexOf('<h2>Timeline</h2>'));
      expect(section).not.toMatch(/<(script|img|a)\b/i);
      expect(section).toContain('https://ci.example/run/1');
    }
  });

  it('JSON: the changes with ISO times and how long before', () => {
    const json = JSON.parse(timelineJson(incident, events, options([change(1, 'v2.3', 4)]))) as {
      changes: Array<{ service: string; at: string; before: string }>;
    };
    expect(json.changes).toEqual([
      expect.objectContaining({
        service: 'checkout-web',
        at: new Date(incident.openedAt - 4 * MINUTE).toISOString(),
        before: '4 min before',
      }),
    ]);
  });
});
