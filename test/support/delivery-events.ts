import type { EscalationLevelPaged, NotificationDelivered } from '../../shared/events';

// Pages and their outcomes as the log holds them, for tests and benchmarks of what a new term
// finds unfinished: dana paged at level 1 by webhook, and her page delivered.

const system = { kind: 'system' } as const;

/** Level 1 of `incidentId` paged to dana. */
export const danaPaged = (seq: number, at: number, incidentId: string): EscalationLevelPaged => ({
  seq,
  at,
  actor: system,
  incidentId,
  type: 'escalation_level_paged',
  level: 1,
  cycle: 0,
  targets: ['dana'],
  teams: [],
  dueNext: null,
});

/** The page's delivery to dana's webhook, recorded as delivered under `deliveryId`. */
export const danaReached = (
  seq: number,
  at: number,
  incidentId: string,
  deliveryId: string,
): NotificationDelivered => ({
  seq,
  at,
  actor: system,
  incidentId,
  type: 'notification_delivered',
  channel: 'webhook',
  target: 'dana',
  host: 'paging.example.org',
  attempt: 1,
  level: 1,
  deliveryId,
});
