import { z } from 'zod';
import { parseRfc3339, RFC3339_MESSAGE } from '../rfc3339';

// PagerDuty Events API v2, as monitoring tools (Zabbix, Nagios, Datadog…) send it.
// Limits are PagerDuty's own: dedup_key ≤ 255 chars, summary ≤ 1024 chars.

export const pagerdutyEventSchema = z
  .object({
    routing_key: z.string().min(1).max(256),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve']),
    dedup_key: z.string().min(1).max(255).optional(),
    payload: z
      .object({
        summary: z.string().min(1).max(1024),
        source: z.string().min(1).max(1024),
        severity: z.enum(['critical', 'error', 'warning', 'info']),
        timestamp: z
          .string()
          .max(64)
          .refine((value) => parseRfc3339(value) !== null, { message: RFC3339_MESSAGE })
          .optional(),
        component: z.string().max(1024).optional(),
        group: z.string().max(1024).optional(),
        class: z.string().max(1024).optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
    links: z
      .array(z.object({ href: z.string().max(8192), text: z.string().max(1024).default('') }))
      .max(100)
      .default([]),
    // Shown as links, never loaded (shared/ingest/links/pagerduty-links.ts).
    images: z
      .array(
        z.object({
          src: z.string().max(8192),
          href: z.string().max(8192).optional(),
          alt: z.string().max(1024).optional(),
        }),
      )
      .max(100)
      .default([]),
    client: z.string().max(1024).optional(),
    client_url: z.string().max(8192).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_action === 'trigger' && !event.payload) {
      ctx.addIssue({ code: 'custom', path: ['payload'], message: 'is required for a trigger event' });
    }
    if (event.event_action !== 'trigger' && !event.dedup_key) {
      ctx.addIssue({
        code: 'custom',
        path: ['dedup_key'],
        message: `is required for ${event.event_action === 'acknowledge' ? 'an' : 'a'} ${event.event_action} event`,
      });
    }
  });

export type PagerdutyEvent = z.infer<typeof pagerdutyEventSchema>;
