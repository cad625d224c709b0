import { z } from 'zod';
import { dictSchema } from '../dict-schema';

// Prometheus Alertmanager's webhook body (version 4), and Grafana's Alertmanager-shaped one,
// which says version "1" and adds fields we ignore. Every string is untrusted monitoring text.

// Null-prototype tables: a label named `constructor` or `__proto__` is just a label.
const labelSet = dictSchema(z.string(), { error: 'must be a mapping of names to text' });
const emptyLabelSet = () => labelSet.parse({});

/** An RFC 3339 time as Alertmanager writes it; "0001-01-01T00:00:00Z" means "not set". */
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
  message: 'must be an RFC 3339 date-time',
});

export const alertmanagerAlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelSet,
  annotations: labelSet.optional().transform((set) => set ?? emptyLabelSet()),
  startsAt: timestamp,
  endsAt: timestamp.optional(),
  generatorURL: z.string().max(8192).optional(),
  fingerprint: z.string().min(1).max(256).optional(),
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

/** Alertmanager's zero time: an alert that has not ended. */
export function parseAlertmanagerTime(value: string | undefined): number | null {
  if (!value || value.startsWith('0001-')) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
