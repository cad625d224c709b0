import { ulid } from 'ulid';
import { type Change, type ChangeKind, isChangeKind } from '../../shared/changes/change';
import type { SitroomConfig } from '../../shared/config/types';
import type { GenericChange, PagerdutyChange } from '../../shared/ingest/change-event';
import { parseRfc3339 } from '../../shared/rfc3339';
import { pagerdutyServiceFor } from './mapping';

// Change bodies to Change. Which service a PagerDuty change belongs to, first that applies:
//   1. payload.custom_details.service, when it is a string: the sender names the service;
//   2. the catalog service whose `match.pagerduty_sources` lists payload.source (as for alerts);
//   3. payload.source itself, taken as the service's id (a pipeline named after what it deploys).
// The routing key only authenticates: one PagerDuty integration usually carries a whole CI's
// deploys, for many services. A change with neither a service nor a source is refused (400).

/** custom_details fields read, when they are strings, for who made the change and what kind it was. */
const BY_FIELDS = ['by', 'author', 'user', 'triggered_by'] as const;
const KIND_FIELDS = ['kind', 'change_type', 'type'] as const;

export class ChangeServiceUnknown extends Error {}

export function changeFromPagerduty(event: PagerdutyChange, config: SitroomConfig, now: number): Change {
  const details = event.payload.custom_details;
  const named = detail(details, ['service']);
  const source = event.payload.source ?? null;
  const service =
    named ?? (source === null ? null : (pagerdutyServiceFor(config, undefined, source) ?? source));
  if (service === null) throw new ChangeServiceUnknown();
  const kindWord = detail(details, KIND_FIELDS);
  return {
    id: ulid(now),
    service,
    kind: kindOf(kindWord),
    summary: event.payload.summary,
    by: detail(details, BY_FIELDS),
    at: timeOf(event.payload.timestamp, now),
    source,
    links: event.links.map((link) => ({ href: link.href, text: link.text })),
  };
}

export function changeFromGeneric(body: GenericChange, now: number): Change {
  return {
    id: ulid(now),
    service: body.service,
    kind: body.kind,
    summary: body.summary,
    by: body.by ?? null,
    at: timeOf(body.at, now),
    source: null,
    links: body.links.map((link) => ({ href: link.href, text: link.text })),
  };
}

function timeOf(timestamp: string | undefined, now: number): number {
  return (timestamp === undefined ? null : parseRfc3339(timestamp)) ?? now;
}

function kindOf(word: string | null): ChangeKind {
  const lower = word?.toLowerCase() ?? null;
  if (isChangeKind(lower)) return lower;
  // PagerDuty change events are overwhelmingly deploys; say so unless the sender said otherwise.
  return word === null ? 'deploy' : 'other';
}

/** The first of `fields` that custom_details holds as a short string; outside keys are only read. */
function detail(details: unknown, fields: ReadonlyArray<string>): string | null {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  for (const field of fields) {
    if (!Object.hasOwn(details, field)) continue;
    const value = (details as Readonly<Record<string, unknown>>)[field];
    if (typeof value === 'string' && value.trim() !== '' && value.length <= 256) return value.trim();
  }
  return null;
}
