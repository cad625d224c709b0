import type { IncomingMessage, ServerResponse } from 'node:http';
import { ulid } from 'ulid';
import type { Actor } from '../../shared/domain';
import { alertmanagerWebhookSchema } from '../../shared/ingest/alertmanager';
import { pagerdutyEventSchema } from '../../shared/ingest/pagerduty';
import { normaliseAlertmanager } from '../ingest/alertmanager';
import type { IngestBatch } from '../ingest/batch';
import { planIngest } from '../ingest/grouping';
import { normalisePagerduty } from '../ingest/pagerduty';
import type { Writer } from '../store/writer';
import { readJsonBody } from './body';
import { sendJson, validationError } from './errors';

// Webhook endpoints. Each answers 2xx only after the writer has committed what it caused; a body
// that fails validation is answered 4xx before anything is queued, so it stores nothing.

/** Until integrations.yaml exists (open local mode) every delivery comes from this integration. */
const OPEN_MODE_INTEGRATION: Actor = { kind: 'integration', id: 'local' };

export function ingestBatch(writer: Writer, batch: IngestBatch): Promise<unknown> {
  return writer.submit((view) => planIngest(batch, view.openIncidentFor(batch.groupKey), view.newIncidentId));
}

export async function handleAlertmanager(
  req: IncomingMessage,
  res: ServerResponse,
  writer: Writer,
): Promise<void> {
  const body = await readJsonBody(req);
  const parsed = alertmanagerWebhookSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  await ingestBatch(writer, normaliseAlertmanager(parsed.data, OPEN_MODE_INTEGRATION, Date.now()));
  sendJson(res, 200, { status: 'success' });
}

export async function handlePagerduty(
  req: IncomingMessage,
  res: ServerResponse,
  writer: Writer,
): Promise<void> {
  const body = await readJsonBody(req);
  const parsed = pagerdutyEventSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  const event = parsed.data;
  // PagerDuty makes up a dedup_key for a trigger without one, and tells the sender.
  const dedupKey = event.dedup_key ?? ulid();
  await ingestBatch(writer, normalisePagerduty(event, dedupKey, OPEN_MODE_INTEGRATION, Date.now()));
  sendJson(res, 202, { status: 'success', message: 'Event processed', dedup_key: dedupKey });
}
