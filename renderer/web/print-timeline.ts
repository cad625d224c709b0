import { revealHidden } from '../../shared/text/hidden-characters';
import { summaryLinesOf, type TimelineExport } from './timeline-export-schema';

export { parseTimelineExport, type TimelineExport } from './timeline-export-schema';

// "PDF" in a browser is the print dialog's "Save as PDF". The hub's HTML export cannot be shown
// in a frame here: the console's CSP (default-src 'self') blocks blob: frames, and a srcdoc or
// about:blank frame inherits that CSP, which blocks the export's inline <style>. Writing the HTML
// into a document would also be the innerHTML we never do. So the page fetches the JSON export
// (times already formatted by the hub in the chosen zone, people named), builds a print-only
// section with DOM text nodes, and prints the page; styles/print.css hides the console while
// printing. The section holds what the .html export holds, since either may be the review's record.

const PRINT_SECTION_ID = 'print-timeline';

/** Opens the print dialog with the timeline laid out for paper. */
export function printTimeline(report: TimelineExport): void {
  document.getElementById(PRINT_SECTION_ID)?.remove();
  const section = timelineSection(report);
  document.body.append(section);
  window.addEventListener('afterprint', () => section.remove(), { once: true });
  window.print();
}

function timelineSection(report: TimelineExport): HTMLElement {
  const { summary } = report;
  const section = element('section', { id: PRINT_SECTION_ID, className: 'print-timeline' });
  const exported = report.exported === undefined ? '' : ` Exported ${report.exported}.`;
  section.append(
    element('h1', { text: `${summary.id}: ${summary.title}` }),
    element('p', { text: `Times in ${summary.timeZone}.${exported}` }),
  );
  const facts = element('dl', {});
  for (const line of summaryLinesOf(report))
    facts.append(element('dt', { text: line.label }), element('dd', { text: line.value ?? '—' }));
  section.append(element('h2', { text: 'Summary' }), facts);
  const changes = report.changes ?? [];
  if (changes.length > 0) {
    section.append(
      element('h2', { text: 'Changes before' }),
      table(
        ['Time', 'Change'],
        changes.map((change) => [change.time, change.description ?? change.before]),
      ),
    );
  }
  section.append(
    element('h2', { text: 'Timeline' }),
    table(
      ['#', 'Time', 'Actor', 'Event'],
      report.timeline.map((entry) => [String(entry.seq), entry.time, entry.actor, entry.description]),
    ),
  );
  const links = report.links ?? [];
  if (links.length > 0) {
    const list = element('ul', {});
    // Text, not anchors, as in the .html export: a reader copies the address they trust.
    for (const link of links)
      list.append(element('li', { text: `${link.alert} — ${link.text}: ${link.href}` }));
    section.append(element('h2', { text: 'Links' }), list);
  }
  return section;
}

/** A table of text cells; a column headed "Time" keeps its times on one line (print.css). */
function table(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): HTMLElement {
  const node = element('table', {});
  const head = element('tr', {});
  for (const name of headers) head.append(element('th', { text: name }));
  node.append(element('thead', {}), element('tbody', {}));
  node.tHead?.append(head);
  for (const cells of rows) {
    const row = element('tr', {});
    for (const [index, text] of cells.entries()) {
      const className = headers[index] === 'Time' ? 'print-timeline__time' : '';
      row.append(element('td', { text, className }));
    }
    node.tBodies[0]?.append(row);
  }
  return node;
}

/**
 * An element whose only content is a text node: alert titles and notes are untrusted. Hidden
 * characters are shown as "<U+202E>", as in every export: on paper a right-to-left override
 * would turn "gnp.exe" into "exe.png" with nothing left to see it by.
 */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { readonly text?: string; readonly id?: string; readonly className?: string },
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.text !== undefined) node.textContent = revealHidden(options.text);
  if (options.id) node.id = options.id;
  if (options.className) node.className = options.className;
  return node;
}
