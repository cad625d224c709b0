import type { IncomingMessage, ServerResponse } from 'node:http';
import { ulid } from 'ulid';
import type { SitroomConfig } from '../../shared/config/types';
import { alertViolation } from '../../shared/event-enums';
import type { HubEvent } from '../../shared/events';
import { pagerdutyEventSchema } from '../../shared/ingest/pagerduty';
import { authenticateRoutingKey, authenticateTokenSender } from '../auth/ingest-auth';
import { verifyIngestSignature } from '../auth/ingest-signature';
import { normaliseAlertmanager } from '../ingest/alertmanager';
import { parseAlertmanagerBody } from '../ingest/alertmanager-body';
import type { IngestBatch } from '../ingest/batch';
import { planIngest } from '../ingest/grouping';
import { mappingFor, pagerdutyServiceFor } from '../ingest/mapping';
import { normalisePagerduty } from '../ingest/pagerduty';
import type { Writer } from '../store/writer';
import { readJsonBodyWithRaw } from './body';
import { HttpError, sendJson, validationError } from './errors';

// Webhook endpoints. Each answers 2xx only after the writer has committed what it caused; a body
// that fails authentication or validation is answered 4xx before anything is queued, so it
// stores nothing.

export interface IngestContext {
  readonly writer: Writer;
  config(): SitroomConfig;
  /** Counts each delivery's alerts by what they changed (the hub's metrics). */
  readonly alertsIngested?: (source: string, alerts: number, events: ReadonlyArray<HubEvent> | null) => void;
}

export function ingestBatch(writer: Writer, batch: IngestBatch): Promise<HubEvent[]> {
  // Severity and status come out of lookups keyed by outside words; refuse before queueing.
  for (const [index, alert] of batch.alerts.entries()) {
    const field = alertViolation(alert);
    if (field !== null)
      throw new HttpError(400, 'invalid_body', `alerts[${index}].${field} is not one of its allowed values.`);
  }
  // planIngest makes new events on every call: they are the writer's to number in place.
  return writer.submit(
    (view) => planIngest(batch, view.openIncidentFor(batch.groupKey), view.newIncidentId),
    {
      handsOver: true,
    },
  );
}

/** ingestBatch, with its alerts counted by what they changed, or as refused. */
async function countedIngest(ctx: IngestContext, batch: IngestBatch): Promise<void> {
  let events: HubEvent[];
  try {
    events = await ingestBatch(ctx.writer, batch);
  } catch (error) {
    ctx.alertsIngested?.(batch.source, batch.alerts.length, null);
    throw error;
  }
  ctx.alertsIngested?.(batch.source, batch.alerts.length, events);
}

export async function handleAlertmanager(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: IngestContext,
): Promise<void> {
  const config = ctx.config();
  const sender = authenticateTokenSender(req, config, ['alertmanager', 'grafana']);
  const body = await readJsonBodyWithRaw(req);
  verifyIngestSignature(sender.integration, req.headers, body.raw);
  const parsed = parseAlertmanagerBody(body.value);
  if (!parsed.success) throw validationError(parsed.error);
  const batch = normaliseAlertmanager(
    parsed.data,
    sender.actor,
    Date.now(),
    mappingFor(config, sender.integration),
  );
  await countedIngest(ctx, batch);
  sendJson(res, 200, { status: 'success' });
}

export async function handlePagerduty(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: IngestContext,
): Promise<void> {
  const config = ctx.config();
  const body = await readJsonBodyWithRaw(req);
  const parsed = pagerdutyEventSchema.safeParse(body.value);
  if (!parsed.success) throw validationError(parsed.error);
  const event = parsed.data;
  const sender = authenticateRoutingKey(event.routing_key, config);
  verifyIngestSignature(sender.integration, req.headers, body.raw);
  // PagerDuty makes up a dedup_key for a trigger without one, and tells the sender.
  const dedupKey = event.dedup_key ?? ulid();
  const mapping = mappingFor(config, sender.integration);
  const service = event.payload
    ? pagerdutyServiceFor(config, event.payload.component, event.payload.source)
    : null;
  await countedIngest(
    ctx,
    normalisePagerduty(event, dedupKey, sender.actor, Date.now(), mapping.severityTable, service),
  );
  sendJson(res, 202, { status: 'success', message: 'Event processed', dedup_key: dedupKey });
}
