import type { z } from 'zod';
import { type Dict, emptyDict } from '../../shared/dict';
import {
  type AlertmanagerAlert,
  type AlertmanagerWebhook,
  alertmanagerWebhookSchema,
  isAlertmanagerTime,
} from '../../shared/ingest/alertmanager';

// An Alertmanager webhook body, checked against alertmanagerWebhookSchema. zod spent about 45 µs
// of the hub's CPU on each one-alert delivery (a safeParse per label value, checks, transforms),
// a tenth of its work in a storm; this walks a well-formed body once and builds exactly what the
// schema would. Anything it is not sure of (a wrong type, a limit reached, a key with undefined)
// goes to the schema itself, so refusals and their messages are the schema's, word for word.
// test/unit/server/alertmanager-body.test.ts holds the two to the same answers.

export type AlertmanagerParse =
  | { readonly success: true; readonly data: AlertmanagerWebhook }
  | { readonly success: false; readonly error: z.ZodError };

/** A value being built with the schema's own field names (ours, never outside text), checked as it goes. */
type Building<T> = { -readonly [K in keyof T]?: unknown };

/** The body as the schema parses it: the quick walk, else the schema. */
export function parseAlertmanagerBody(value: unknown): AlertmanagerParse {
  const data = quickParse(value);
  if (data !== null) return { success: true, data };
  return alertmanagerWebhookSchema.safeParse(value) as AlertmanagerParse;
}

/** What the schema would make of a well-formed body, or null to let the schema decide. */
export function quickParse(value: unknown): AlertmanagerWebhook | null {
  if (!isPlainObject(value)) return null;
  const version = value.version;
  const groupKey = value.groupKey;
  const truncatedAlerts = value.truncatedAlerts;
  const status = value.status;
  const receiver = value.receiver;
  const externalURL = value.externalURL;
  const alerts = value.alerts;
  if (!optionalText(value, 'version', 16)) return null;
  if (typeof groupKey !== 'string' || groupKey.length < 1 || groupKey.length > 8192) return null;
  if (
    'truncatedAlerts' in value &&
    !(typeof truncatedAlerts === 'number' && Number.isSafeInteger(truncatedAlerts) && truncatedAlerts >= 0)
  )
    return null;
  if (status !== 'firing' && status !== 'resolved') return null;
  if (!optionalText(value, 'receiver', 1024) || !optionalText(value, 'externalURL', 8192)) return null;
  const groupLabels = optionalLabels(value, 'groupLabels');
  const commonLabels = optionalLabels(value, 'commonLabels');
  const commonAnnotations = optionalLabels(value, 'commonAnnotations');
  if (groupLabels === null || commonLabels === null || commonAnnotations === null) return null;
  if (!Array.isArray(alerts) || alerts.length > 10_000) return null;
  const parsedAlerts: AlertmanagerAlert[] = [];
  for (const alert of alerts) {
    const parsed = quickAlert(alert);
    if (parsed === null) return null;
    parsedAlerts.push(parsed);
  }
  // Keys in the schema's order, absent optional ones left out, defaults filled in: as zod does.
  const out: Building<AlertmanagerWebhook> = {};
  if ('version' in value) out.version = version;
  out.groupKey = groupKey;
  out.truncatedAlerts = 'truncatedAlerts' in value ? truncatedAlerts : 0;
  out.status = status;
  out.receiver = 'receiver' in value ? receiver : '';
  out.groupLabels = groupLabels;
  out.commonLabels = commonLabels;
  out.commonAnnotations = commonAnnotations;
  out.externalURL = 'externalURL' in value ? externalURL : '';
  out.alerts = parsedAlerts;
  return out as unknown as AlertmanagerWebhook;
}

/** The optional URL-ish fields of an alert, each a string of at most 8192 characters. */
const ALERT_URLS = ['generatorURL', 'dashboardURL', 'panelURL', 'silenceURL', 'imageURL'] as const;

function quickAlert(alert: unknown): AlertmanagerAlert | null {
  if (!isPlainObject(alert)) return null;
  const status = alert.status;
  if (status !== 'firing' && status !== 'resolved') return null;
  const labels = labelSet(alert.labels);
  const annotations = optionalLabels(alert, 'annotations');
  if (labels === null || annotations === null) return null;
  const startsAt = alert.startsAt;
  if (typeof startsAt !== 'string' || !isTime(startsAt)) return null;
  if ('endsAt' in alert && !(typeof alert.endsAt === 'string' && isTime(alert.endsAt))) return null;
  for (const key of ALERT_URLS) if (!optionalText(alert, key, 8192)) return null;
  const fingerprint = alert.fingerprint;
  if (
    'fingerprint' in alert &&
    !(typeof fingerprint === 'string' && fingerprint.length >= 1 && fingerprint.length <= 256)
  )
    return null;
  const out: Building<AlertmanagerAlert> = { status, labels, annotations, startsAt };
  if ('endsAt' in alert) out.endsAt = alert.endsAt;
  if ('generatorURL' in alert) out.generatorURL = alert.generatorURL;
  if ('fingerprint' in alert) out.fingerprint = fingerprint;
  if ('dashboardURL' in alert) out.dashboardURL = alert.dashboardURL;
  if ('panelURL' in alert) out.panelURL = alert.panelURL;
  if ('silenceURL' in alert) out.silenceURL = alert.silenceURL;
  if ('imageURL' in alert) out.imageURL = alert.imageURL;
  return out as unknown as AlertmanagerAlert;
}

function isTime(value: string): boolean {
  return value.length <= 64 && isAlertmanagerTime(value);
}

/** Absent, or a string of at most `max` characters (an own key holding undefined is for zod). */
function optionalText(object: Record<string, unknown>, key: string, max: number): boolean {
  if (!(key in object)) return true;
  const value = object[key];
  return typeof value === 'string' && value.length <= max;
}

/** An optional label set: an empty table when absent, null when the schema must look. */
function optionalLabels(object: Record<string, unknown>, key: string): Dict<string> | null {
  return key in object ? labelSet(object[key]) : emptyDict<string>();
}

/** A mapping of names to text, as a null-prototype table; null when it is not one. */
function labelSet(value: unknown): Dict<string> | null {
  if (!isPlainObject(value)) return null;
  const out = emptyDict<string>();
  for (const key of Object.keys(value)) {
    const text = value[key];
    if (typeof text !== 'string') return null;
    out[key] = text;
  }
  return out;
}

/** An object from JSON.parse (or one with no prototype), as dictSchema accepts. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
