import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../shared/export/describe-event';
import { EXPORT_CSP, escapeHtml, timelineHtml } from '../../../shared/export/timeline-html';
import { foldIncident, HOSTILE_TEXTS, handWorkedEvents, T0 } from './timeline-fixture';

// Every tag name in a document, found by walking its "<" characters: the export may only contain
// the elements it writes itself, so a note that became markup shows up here as a stray tag.
function tagNames(html: string): Set<string> {
  const names = new Set<string>();
  for (const piece of html.split('<').slice(1)) {
    let name = '';
    for (const char of piece) {
      if (char === ' ' || char === '>' || char === '\n') break;
      name += char;
    }
    names.add(name.replace(/^\//, '').toLowerCase());
  }
  return names;
}

const OWN_TAGS = [
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'h1',
  'p',
  'section',
  'h2',
].concat(['dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

describe('timelineHtml', () => {
  const events = handWorkedEvents();
  const incident = foldIncident(events);
  const html = timelineHtml(incident, events, { timeZone: 'Europe/Berlin', now: T0 });

  it('is a complete document under a CSP that allows no scripts and no fetches', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(EXPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EXPORT_CSP)}">`);
    // The CSP must come before anything it is meant to govern.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('contains only its own elements, whatever the notes say', () => {
    expect([...tagNames(html)].filter((name) => !OWN_TAGS.includes(name))).toEqual([]);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).toContain('Note: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Note: &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Note: text with &quot;quotes&quot;, commas');
    expect(html).toContain('Zoë 🚨 日本語');
    for (const text of HOSTILE_TEXTS) expect(html).toContain(`Note: ${escapeHtml(text)}</td>`);
  });

  it('shows every event once, in seq order, times in the chosen zone', () => {
    let from = 0;
    for (const event of events) {
      const row = `<td class="seq">${event.seq}</td>`;
      const at = html.indexOf(row, from);
      expect(at, `seq ${event.seq}`).toBeGreaterThan(from);
      const description = escapeHtml(describeEvent(event, { alerts: incident.alerts }));
      expect(html.indexOf(description, at)).toBeGreaterThan(at);
      from = at;
    }
    expect(html.split('<tr class=').length - 1).toBe(events.length);
    expect(html).toContain('<td class="time">2026-11-27 05:23:52 +01:00 (Europe/Berlin)</td>');
  });

  it('escapes all five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
