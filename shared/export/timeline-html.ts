import { dictOf, ownValue } from '../dict';
import type { Incident } from '../domain';
import type { HubEvent } from '../events';
import { revealHidden } from '../text/hidden-characters';
import { formatTime } from './time-format';
import { type ExportOptions, timelineReport } from './timeline';

// A standalone HTML page for printing or printToPDF and for attaching to a review. Alert titles
// and notes are attacker-controlled, so the page defends twice: every text is escaped, and the CSP
// forbids scripts, images, fonts, frames and any fetch, so even a missed escape could not run code
// or call home. Only inline styles are allowed, which the page itself needs.

export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const HTML_ESCAPES: Readonly<Record<string, string>> = dictOf({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
});

/** Text safe in HTML element content and in quoted attribute values, hidden characters shown. */
export function escapeHtml(text: string): string {
  return revealHidden(text).replace(/[&<>"']/g, (char) => ownValue(HTML_ESCAPES, char) ?? char);
}

// Print-first: black on white, no backgrounds to lose, the table header repeated on every page
// and rows kept whole across page breaks.
const STYLE = `
  @page { size: A4; margin: 16mm 14mm; }
  body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 2rem; }
  @media print { body { margin: 0; } }
  h1 { font-size: 17pt; margin: 0 0 .2rem; }
  h2 { font-size: 12.5pt; margin: 1.4rem 0 .5rem; border-bottom: 1px solid #999; }
  .meta { color: #444; margin: 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  table { border-collapse: collapse; width: 100%; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { border-bottom: 1px solid #ccc; padding: .3rem .4rem; text-align: left; vertical-align: top; }
  td.seq { text-align: right; color: #555; }
  td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.event { white-space: pre-wrap; overflow-wrap: anywhere; }
`;

/** The incident's summary and timeline as a complete, script-free HTML document. */
export function timelineHtml(
  incident: Incident,
  events: ReadonlyArray<HubEvent>,
  options: ExportOptions,
): string {
  const report = timelineReport(incident, events, options);
  const heading = `${report.summary.id}: ${report.summary.title}`;
  const summary = report.summaryLines
    .map((line) => `<dt>${escapeHtml(line.label)}</dt><dd>${escapeHtml(line.value ?? '—')}</dd>`)
    .join('\n');
  const rows = report.entries
    .map(
      (entry) =>
        `<tr class="${escapeHtml(entry.type)}"><td class="seq">${entry.seq}</td>` +
        `<td class="time">${escapeHtml(entry.time)}</td><td class="actor">${escapeHtml(entry.actor)}</td>` +
        `<td class="event">${escapeHtml(entry.description)}</td></tr>`,
    )
    .join('\n');
  const empty = '<tr><td colspan="4">No events recorded</td></tr>';
  // Links are text here too: the export's CSP blocks nothing a link could do once clicked, so a
  // sender's URL is shown for copying, never as an <a>.
  const changes =
    report.changes.length === 0
      ? ''
      : `<section>
<h2>Changes before</h2>
<table>
<thead><tr><th>Time</th><th>Change</th><th>Before</th><th>Links</th></tr></thead>
<tbody>
${report.changes
  .map(
    (line) =>
      `<tr class="change"><td class="time">${escapeHtml(line.time)}</td><td class="event">${escapeHtml(line.description)}</td>` +
      `<td class="time">${escapeHtml(line.offset)}</td><td class="event">${line.links
        .map((link) => escapeHtml(link.text ? `${link.text}: ${link.href}` : link.href))
        .join('<br>')}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
</section>
`;
  // Text, not anchors: the export is read offline and forwarded; a reader copies what they trust.
  const links = report.links
    .map(
      (link) =>
        `<li>${escapeHtml(link.alert)} — ${escapeHtml(link.text)}: <code>${escapeHtml(link.href)}</code></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EXPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(heading)} — timeline</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(heading)}</h1>
<p class="meta">Times in ${escapeHtml(report.timeZone)}. Exported ${escapeHtml(formatTime(options.now, report.timeZone))}.</p>
</header>
<section>
<h2>Summary</h2>
<dl>
${summary}
</dl>
</section>
${changes}<section>
<h2>Timeline</h2>
<table>
<thead><tr><th>#</th><th>Time</th><th>Actor</th><th>Event</th></tr></thead>
<tbody>
${rows || empty}
</tbody>
</table>
</section>
${links ? `<section>\n<h2>Links</h2>\n<ul>\n${links}\n</ul>\n</section>\n` : ''}</body>
</html>
`;
}
