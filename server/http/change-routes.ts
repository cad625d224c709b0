import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Change } from '../../shared/changes/change';
import { genericChangeSchema, pagerdutyChangeSchema } from '../../shared/ingest/change-event';
import { authenticateRoutingKey, authenticateTokenSender } from '../auth/ingest-auth';
import { verifyIngestSignature } from '../auth/ingest-signature';
import { ChangeServiceUnknown, changeFromGeneric, changeFromPagerduty } from '../ingest/change';
import { recordChanges } from '../ingest/record-change';
import { readJsonBodyWithRaw } from './body';
import { HttpError, sendJson, validationError } from './errors';
import type { IngestContext } from './ingest-routes';

// Change events: what CI/CD and config tools say they changed. Treated exactly like alert ingest
// (the same path prefix, so the same front door, rate limits and lockout on bad credentials; the
// same JSON-only body reader, HMAC and answers): 202 once the change is durable, 4xx naming the
// field for a body that cannot be stored, and then nothing is stored.
//   POST /v2/change/enqueue        PagerDuty Events API v2 change events, by routing_key
//   POST /api/v1/ingest/change     Sitroom's generic shape, by a `change` integration's token

export const PAGERDUTY_CHANGE_PATH = '/v2/change/enqueue';
export const GENERIC_CHANGE_PATH = '/api/v1/ingest/change';

export async function handlePagerdutyChange(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: IngestContext,
): Promise<void> {
  const config = ctx.config();
  const body = await readJsonBodyWithRaw(req);
  const parsed = pagerdutyChangeSchema.safeParse(body.value);
  if (!parsed.success) throw validationError(parsed.error);
  const sender = authenticateRoutingKey(parsed.data.routing_key, config);
  verifyIngestSignature(sender.integration, req.headers, body.raw);
  const now = Date.now();
  let change: Change;
  try {
    change = changeFromPagerduty(parsed.data, config, now);
  } catch (error) {
    if (!(error instanceof ChangeServiceUnknown)) throw error;
    throw new HttpError(
      400,
      'invalid_body',
      'payload.source: is required unless payload.custom_details.service names the service changed.',
      'payload.source',
    );
  }
  await recordChanges(ctx.writer, sender.actor, [change], now);
  // PagerDuty's own answer to a change event.
  sendJson(res, 202, { status: 'success', message: 'Change event processed' });
}

export async function handleGenericChange(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: IngestContext,
): Promise<void> {
  const sender = authenticateTokenSender(req, ctx.config(), ['change']);
  const body = await readJsonBodyWithRaw(req);
  verifyIngestSignature(sender.integration, req.headers, body.raw);
  const parsed = genericChangeSchema.safeParse(body.value);
  if (!parsed.success) throw validationError(parsed.error);
  const now = Date.now();
  const change = changeFromGeneric(parsed.data, now);
  await recordChanges(ctx.writer, sender.actor, [change], now);
  sendJson(res, 202, { status: 'success', id: change.id });
}
