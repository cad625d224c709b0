import { z } from 'zod';
import { CHANGE_KINDS } from '../changes/change';
import { parseRfc3339, RFC3339_MESSAGE } from '../rfc3339';

// The two bodies a change arrives in. PagerDuty's change events (POST /v2/change/enqueue), as
// CI/CD tools already send them: routing_key, payload.summary (required), payload.source,
// payload.timestamp, payload.custom_details, links. And Sitroom's own generic shape
// (POST /api/v1/ingest/change) for a script or a deploy tool that can say plainly what changed:
//   { "service": "checkout-web", "summary": "v2.3", "kind": "deploy", "by": "ci",
//     "at": "2026-12-05T04:56:00Z", "links": [{ "href": "https://ci.example/run/812", "text": "run" }] }
// Links are checked by the URL parser here, so only absolute http(s) URLs are ever stored.

const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** The most links one change may carry. */
export const MAX_CHANGE_LINKS = 20;

const hrefSchema = z
  .string()
  .max(8192)
  .refine(
    (href) => {
      const url = URL.parse(href);
      return url !== null && SAFE_PROTOCOLS.has(url.protocol);
    },
    { message: 'must be an absolute http or https URL' },
  );

const linksSchema = z
  .array(z.object({ href: hrefSchema, text: z.string().max(1024).default('') }))
  .max(MAX_CHANGE_LINKS)
  .default([]);

const timestampSchema = z
  .string()
  .max(64)
  .refine((value) => parseRfc3339(value) !== null, { message: RFC3339_MESSAGE });

export const pagerdutyChangeSchema = z.object({
  routing_key: z.string().min(1).max(256),
  payload: z.object({
    summary: z.string().min(1).max(1024),
    source: z.string().min(1).max(1024).optional(),
    timestamp: timestampSchema.optional(),
    custom_details: z.unknown().optional(),
  }),
  links: linksSchema,
});

export type PagerdutyChange = z.infer<typeof pagerdutyChangeSchema>;

export const genericChangeSchema = z.object({
  service: z.string().min(1).max(256),
  summary: z.string().min(1).max(1024),
  kind: z.enum(CHANGE_KINDS).default('other'),
  by: z.string().min(1).max(256).optional(),
  at: timestampSchema.optional(),
  links: linksSchema,
});

export type GenericChange = z.infer<typeof genericChangeSchema>;
