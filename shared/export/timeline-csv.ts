import type { Incident } from '../domain';
import type { HubEvent } from '../events';
import { csvDocument } from './csv';
import { changeSentence, type ExportOptions, timelineReport } from './timeline';

// The timeline as one rectangular table, because that is what a spreadsheet user sorts, filters
// and pivots. The summary is not a second table above it (which breaks "format as table", sorting
// and every CSV importer); it is a block of rows in the same columns, right under the header, with
// type "summary", no seq and "Label: value" as the description. Filtering the type column hides
// it in one click; sorting by seq puts it after the events; every row still has five fields.

export const TIMELINE_CSV_HEADER = ['seq', 'time', 'actor', 'type', 'description'] as const;

/** The incident's summary and timeline as CSV (RFC 4180, CRLF, formula-safe). */
export function timelineCsv(
  incident: Incident,
  events: ReadonlyArray<HubEvent>,
  options: ExportOptions,
): string {
  const report = timelineReport(incident, events, options);
  const rows: Array<ReadonlyArray<string | number | null>> = [[...TIMELINE_CSV_HEADER]];
  for (const line of report.summaryLines) {
    rows.push([null, null, null, 'summary', `${line.label}: ${line.value ?? '—'}`]);
  }
  // Changes before the incident: rows of type "change", no seq (they are not its events), the
  // sender as actor, so filtering the type column shows or hides them like the summary.
  for (const line of report.changes) {
    rows.push([null, line.time, line.change.by ?? '', 'change', changeSentence(line)]);
  }
  for (const entry of report.entries) {
    rows.push([entry.seq, entry.time, entry.actor, entry.type, entry.description]);
  }
  return csvDocument(rows);
}
