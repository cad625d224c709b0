import { dictOf, emptyDict } from '../../shared/dict';
import type { Actor, Alert } from '../../shared/domain';
import { pagerdutyLinks } from '../../shared/ingest/links/pagerduty-links';
import type { PagerdutyEvent } from '../../shared/ingest/pagerduty';
import { parseRfc3339 } from '../../shared/rfc3339';
import { mapSeverity, type SeverityTable } from '../../shared/severity';
import type { IngestBatch } from './batch';

// PagerDuty Events API v2 → Sitroom. A dedup_key is one alert and one incident.

/** Which service a PagerDuty event belongs to: the custom detail `service`, else component, else source. */
export function serviceOfPagerdutyEvent(event: PagerdutyEvent): string | null {
  const details = event.payload?.custom_details;
  if (details && typeof details === 'object' && Object.hasOwn(details, 'service')) {
    const service = (details as { service: unknown }).service;
    if (typeof service === 'string' && service.length > 0) return service;
  }
  return event.payload?.component ?? event.payload?.source ?? null;
}

export function normalisePagerduty(
  event: PagerdutyEvent,
  dedupKey: string,
  actor: Actor,
  receivedAt: number,
  severityTable?: SeverityTable,
  serviceFromCatalog?: string | null,
): IngestBatch {
  const groupKey = `pagerduty:${dedupKey}`;
  const payload = event.payload;
  if (event.event_action !== 'trigger' || !payload) {
    const resolved: Alert[] =
      event.event_action === 'resolve' ? [placeholderResolved(dedupKey, receivedAt)] : [];
    return {
      source: 'pagerduty',
      actor,
      groupKey,
      title: dedupKey,
      alerts: resolved,
      acknowledge: event.event_action === 'acknowledge',
      receivedAt,
    };
  }
  const labels = dictOf({ source: payload.source });
  if (payload.component) labels.component = payload.component;
  if (payload.group) labels.group = payload.group;
  if (payload.class) labels.class = payload.class;
  if (event.client) labels.client = event.client;
  const annotations = dictOf({ summary: payload.summary });
  if (payload.custom_details !== undefined) {
    annotations.custom_details = JSON.stringify(payload.custom_details, null, 2).slice(0, 16_384);
  }
  const links = pagerdutyLinks(event);
  const startsAt = (payload.timestamp ? parseRfc3339(payload.timestamp) : null) ?? receivedAt;
  const alert: Alert = {
    fingerprint: dedupKey,
    source: 'pagerduty',
    status: 'firing',
    title: payload.summary,
    severity: mapSeverity(payload.severity, severityTable),
    service: serviceFromCatalog ?? serviceOfPagerdutyEvent(event),
    labels,
    annotations,
    links,
    startsAt,
    endsAt: null,
  };
  return { source: 'pagerduty', actor, groupKey, title: payload.summary, alerts: [alert], receivedAt };
}

/** A resolve names only the dedup_key; grouping matches it to the firing alert by fingerprint. */
function placeholderResolved(dedupKey: string, at: number): Alert {
  return {
    fingerprint: dedupKey,
    source: 'pagerduty',
    status: 'resolved',
    title: dedupKey,
    severity: 'sev4',
    service: null,
    labels: emptyDict(),
    annotations: emptyDict(),
    links: [],
    startsAt: at,
    endsAt: at,
  };
}
