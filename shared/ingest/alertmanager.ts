import { z } from 'zod';
import { dictSchema } from '../dict-schema';
import { parseRfc3339, RFC3339_MESSAGE } from '../rfc3339';
import { lastTwo } from './last-two';

// Prometheus Alertmanager's webhook body (version 4), and Grafana's Alertmanager-shaped one,
// which says version "1" and adds fields we ignore. Every string is untrusted monitoring text.

// Null-prototype tables: a label named `constructor` or `__proto__` is just a label.
const labelSet = dictSchema(z.string(), { error: 'must be a mapping of names to text' });
const emptyLabelSet = () => labelSet.parse({});

/** An RFC 3339 time as Alertmanager writes it; "0001-01-01T00:00:00Z" means "not set". */
const timestamp = z.string().max(64).refine(isAlertmanagerTime, { message: RFC3339_MESSAGE });

export const alertmanagerAlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelSet,
  annotations: labelSet.optional().transform((set) => set ?? emptyLabelSet()),
  startsAt: timestamp,
  endsAt: timestamp.optional(),
  generatorURL: z.string().max(8192).optional(),
  fingerprint: z.string().min(1).max(256).optional(),
  // Grafana's additions (its webhook notifier); links only, checked by shared/ingest/links/.
  dashboardURL: z.string().max(8192).optional(),
  panelURL: z.string().max(8192).optional(),
  silenceURL: z.string().max(8192).optional(),
  imageURL: z.string().max(8192).optional(),
});

export const alertmanagerWebhookSchema = z.object({
  version: z.string().max(16).optional(),
  groupKey: z.string().min(1).max(8192),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().max(1024).default(''),
  groupLabels: labelSet.optional().transform((set) => set ?? emptyLabelSet()),
  commonLabels: labelSet.optional().transform((set) => set ?? emptyLabelSet()),
  commonAnnotations: labelSet.optional().transform((set) => set ?? emptyLabelSet()),
  externalURL: z.string().max(8192).default(''),
  alerts: z.array(alertmanagerAlertSchema).max(10_000),
});

export type AlertmanagerWebhook = z.infer<typeof alertmanagerWebhookSchema>;
export type AlertmanagerAlert = z.infer<typeof alertmanagerAlertSchema>;

/** Whether a field holds a time as Alertmanager writes it: RFC 3339, or Go's zero time. */
export function isAlertmanagerTime(value: string): boolean {
  return readTime(value) !== null;
}

/** Go's zero time ('zero'), epoch ms of an RFC 3339 time, or null: each text read once (last-two.ts). */
const readTime = lastTwo((value: string): number | 'zero' | null =>
  isZeroTime(value) ? 'zero' : parseRfc3339(value),
);

/** Go's zero time, which Alertmanager sends for an alert that has not ended. */
function isZeroTime(value: string): boolean {
  return /^0001-01-01T00:00:00(?:\.0+)?(?:Z|[+-]00:?00)$/i.test(value);
}

/** Epoch ms of an Alertmanager time; null for the zero time ("not set") or anything else. */
export function parseAlertmanagerTime(value: string | undefined): number | null {
  if (!value) return null;
  const time = readTime(value);
  return time === 'zero' ? null : time;
}
