import { z } from 'zod';

// The hub's JSON timeline export (GET …/timeline.json) as the print view reads it. Fields a
// hub from before `summaryLines`, `exported` and the change sentences does not send are optional,
// so a console newer than its hub still prints, with the summary it can make from the old fields.

const summaryLineSchema = z.object({ label: z.string(), value: z.string().nullable() });

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
  summaryLines: z.array(summaryLineSchema).optional(),
  exported: z.string().optional(),
  timeline: z.array(
    z.looseObject({ seq: z.number(), time: z.string(), actor: z.string(), description: z.string() }),
  ),
  changes: z
    .array(z.looseObject({ time: z.string(), before: z.string(), description: z.string().optional() }))
    .optional(),
  links: z.array(z.looseObject({ alert: z.string(), text: z.string(), href: z.string() })).optional(),
});

export type TimelineExport = z.infer<typeof timelineExportSchema>;
export type SummaryLine = z.infer<typeof summaryLineSchema>;

/** Parses the hub's JSON timeline export. */
export function parseTimelineExport(text: string): TimelineExport {
  return timelineExportSchema.parse(JSON.parse(text));
}

/** The summary as labelled lines: the hub's own wording, or one made from the old fields. */
export function summaryLinesOf(report: TimelineExport): ReadonlyArray<SummaryLine> {
  if (report.summaryLines) return report.summaryLines;
  const { summary } = report;
  return [
    { label: 'Severity', value: summary.severity.toUpperCase() },
    { label: 'Status', value: summary.status },
    { label: 'Services', value: summary.services.join(', ') || null },
    { label: 'Commander', value: summary.commander },
    { label: 'Opened', value: summary.opened },
    { label: 'Acknowledged', value: summary.acknowledged },
    { label: 'Resolved', value: summary.resolved },
  ];
}
