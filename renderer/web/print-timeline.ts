import { z } from 'zod';

// "PDF" in a browser is the print dialog's "Save as PDF". The hub's HTML export cannot be shown
// in a frame here: the console's CSP (default-src 'self') blocks blob: frames, and a srcdoc or
// about:blank frame inherits that CSP, which blocks the export's inline <style>. Writing the HTML
// into a document would also be the innerHTML we never do. So the page fetches the JSON export
// (times already formatted by the hub in the chosen zone), builds a print-only section with DOM
// text nodes, and prints the page; styles/print.css hides the console while printing.

const PRINT_SECTION_ID = 'print-timeline';

const timelineExportSchema = z.object({
  summary: z.looseObject({
    id: z.string(),
    title: z.string(),
    severity: z.string(),
    status: z.string(),
    timeZone: z.string(),
    services: z.array(z.string()),
    commander: z.string().nullable(),
    opened: z.string().nullable(),
    acknowledged: z.string().nullable(),
    resolved: z.string().nullable(),
  }),
  timeline: z.array(
    z.looseObject({ seq: z.number(), time: z.string(), actor: z.string(), description: z.string() }),
  ),
});

export type TimelineExport = z.infer<typeof timelineExportSchema>;

/** Parses the hub's JSON timeline export (GET …/timeline.json). */
export function parseTimelineExport(text: string): TimelineExport {
  return timelineExportSchema.parse(JSON.parse(text));
}

/** Opens the print dialog with the timeline laid out for paper. */
export function printTimeline(report: TimelineExport): void {
  document.getElementById(PRINT_SECTION_ID)?.remove();
  const section = timelineSection(report);
  document.body.append(section);
  window.addEventListener('afterprint', () => section.remove(), { once: true });
  window.print();
}

function timelineSection({ summary, timeline }: TimelineExport): HTMLElement {
  const section = element('section', { id: PRINT_SECTION_ID, className: 'print-timeline' });
  section.append(
    element('h1', { text: `${summary.id}: ${summary.title}` }),
    element('p', { text: `Times in ${summary.timeZone}.` }),
  );
  const facts = element('dl', {});
  const lines: ReadonlyArray<readonly [string, string | null]> = [
    ['Severity', summary.severity.toUpperCase()],
    ['Status', summary.status],
    ['Services', summary.services.join(', ') || null],
    ['Commander', summary.commander],
    ['Opened', summary.opened],
    ['Acknowledged', summary.acknowledged],
    ['Resolved', summary.resolved],
  ];
  for (const [label, value] of lines)
    facts.append(element('dt', { text: label }), element('dd', { text: value ?? '—' }));
  const table = element('table', {});
  const head = element('tr', {});
  for (const name of ['#', 'Time', 'Actor', 'Event']) head.append(element('th', { text: name }));
  table.append(element('thead', {}), element('tbody', {}));
  table.tHead?.append(head);
  for (const entry of timeline) {
    const row = element('tr', {});
    row.append(
      element('td', { text: String(entry.seq) }),
      element('td', { text: entry.time }),
      element('td', { text: entry.actor }),
      element('td', { text: entry.description }),
    );
    table.tBodies[0]?.append(row);
  }
  section.append(element('h2', { text: 'Summary' }), facts, element('h2', { text: 'Timeline' }), table);
  return section;
}

/** An element whose only content is a text node: alert titles and notes are untrusted. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { readonly text?: string; readonly id?: string; readonly className?: string },
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.text !== undefined) node.textContent = options.text;
  if (options.id) node.id = options.id;
  if (options.className) node.className = options.className;
  return node;
}
