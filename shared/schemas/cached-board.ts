import { z } from 'zod';
import { ESCALATION_STOP_REASONS, INCIDENT_STATUSES, SEVERITIES } from '../domain';
import type { CachedBoard } from '../replica';

// What the console reads back from its board cache is untrusted: an older Sitroom may have
// written another shape, a disk may have flipped a byte. Every field is checked before the
// replica shows it. Both hosts use it: electron-store on the desktop, IndexedDB in browsers.

const actorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('integration'), id: z.string() }),
  z.object({ kind: z.literal('user'), id: z.string() }),
]);

const alertSourceSchema = z.enum(['alertmanager', 'pagerduty', 'demo']);
const severitySchema = z.enum(SEVERITIES);

const alertSchema = z.object({
  fingerprint: z.string(),
  source: alertSourceSchema,
  status: z.enum(['firing', 'resolved']),
  title: z.string(),
  severity: severitySchema,
  service: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  links: z.array(z.object({ href: z.string(), text: z.string() })),
  startsAt: z.number(),
  endsAt: z.number().nullable(),
  integration: z.string().optional(),
});

const escalationSchema = z.object({
  policyId: z.string(),
  level: z.number().int().min(0),
  cycle: z.number().int().min(0),
  pagedUserIds: z.array(z.string()),
  pagedAt: z.number().nullable(),
  nextLevelAt: z.number().nullable(),
  stopped: z.enum(ESCALATION_STOP_REASONS).nullable(),
});

const incidentSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  severity: severitySchema,
  status: z.enum(INCIDENT_STATUSES),
  source: alertSourceSchema,
  groupKey: z.string(),
  services: z.array(z.string()),
  alerts: z.record(z.string(), alertSchema),
  alertCount: z.number().int().min(0),
  firingCount: z.number().int().min(0),
  openedAt: z.number(),
  acknowledgedAt: z.number().nullable(),
  acknowledgedBy: actorSchema.nullable(),
  resolvedAt: z.number().nullable(),
  resolvedBy: actorSchema.nullable(),
  commander: z.string().nullable(),
  responders: z.array(z.string()),
  runbookStepsDone: z.array(z.string()),
  mergedInto: z.string().nullable(),
  absorbedGroupKeys: z.array(z.string()),
  humanInvolved: z.boolean(),
  // Caches written before notify_impacted existed lack it; nobody had been told then.
  notifiedTeams: z.array(z.object({ teamId: z.string(), at: z.number() })).default([]),
  escalation: escalationSchema.nullable().optional(),
  updatedSeq: z.number().int().min(0),
});

export const cachedBoardSchema = z.object({
  hubId: z.string().min(1).max(100),
  seq: z.number().int().min(0),
  savedAt: z.number(),
  incidents: z.array(incidentSchema),
}) satisfies z.ZodType<CachedBoard>;

/** The cache format on disk; bump it when CachedBoard changes shape so old caches are dropped. */
export const BOARD_CACHE_FORMAT = 2;

export const persistedBoardSchema = z.object({
  format: z.literal(BOARD_CACHE_FORMAT),
  board: cachedBoardSchema,
});
