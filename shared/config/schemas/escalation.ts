import { z } from 'zod';
import type { EscalationPolicy, EscalationRoute, NotifyTarget, Rotation } from '../types';
import { fileObject, id, list, severity } from './common';

// escalation.yaml: on-call rotations, escalation policies (who is paged, then who next), and
// routes choosing a policy for an incident.

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const timezone = z
  .string({ error: 'must be an IANA time zone name' })
  .refine(isTimeZone, { error: 'must be an IANA time zone such as UTC or Europe/Paris' });

const datetime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with a zone, e.g. 2026-03-01T08:00:00Z',
});

const override = z
  .strictObject({ user: id, from: datetime, to: datetime })
  .transform((entry) => ({ user: entry.user, from: Date.parse(entry.from), to: Date.parse(entry.to) }))
  .refine((entry) => entry.to > entry.from, { error: '"to" must be later than "from"', path: ['to'] });

const rotationSchema = z
  .strictObject({
    id,
    timezone,
    handoff: z
      .string({ error: 'must be a time "HH:MM" (quote it in YAML)' })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a 24-hour time "HH:MM", e.g. "08:00"' }),
    shift_hours: z.number({ error: 'must be a number of hours' }).positive({ error: 'must be more than 0' }),
    participants: z
      .array(id, { error: 'must be a list of user ids' })
      .min(1, { error: 'needs at least one user' }),
    start: z.iso.date({ error: 'must be a date "YYYY-MM-DD"' }).optional(),
    overrides: list(override),
  })
  .transform(
    (rotation): Rotation => ({
      id: rotation.id,
      timezone: rotation.timezone,
      handoff: rotation.handoff,
      shiftHours: rotation.shift_hours,
      participants: rotation.participants,
      start: rotation.start ?? null,
      overrides: rotation.overrides,
    }),
  );

const notifyTarget = z
  .string({ error: 'must be "rotation:ID", "user:ID" or "team:ID"' })
  .regex(/^(rotation|user|team):[a-z0-9][a-z0-9._-]*$/, {
    error: 'must be "rotation:ID", "user:ID" or "team:ID"',
  })
  .transform((target): NotifyTarget => {
    const [kind, ...rest] = target.split(':');
    return { kind: kind as NotifyTarget['kind'], id: rest.join(':') };
  });

const level = z
  .strictObject({
    notify: z
      .array(notifyTarget, { error: 'must be a list of targets' })
      .min(1, { error: 'needs at least one target' }),
    escalate_after_minutes: z
      .number({ error: 'must be a number of minutes' })
      .positive({ error: 'must be more than 0' }),
  })
  .transform((entry) => ({ notify: entry.notify, escalateAfterMinutes: entry.escalate_after_minutes }));

const policySchema = z
  .strictObject({
    id,
    levels: z
      .array(level, { error: 'must be a list of levels' })
      .min(1, { error: 'needs at least one level' }),
    repeat: z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be 0 or more' })
      .default(0),
  })
  .transform((policy): EscalationPolicy => policy);

const routeSchema = z
  .strictObject({
    match: z
      .strictObject({ service: id.optional(), severity: severity.optional(), team: id.optional() })
      .refine((match) => Boolean(match.service ?? match.severity ?? match.team), {
        error: 'needs at least one of service, severity, team (use default_policy for everything else)',
      }),
    policy: id,
  })
  .transform(
    (route): EscalationRoute => ({
      match: {
        service: route.match.service ?? null,
        severity: route.match.severity ?? null,
        team: route.match.team ?? null,
      },
      policy: route.policy,
    }),
  );

export const escalationFileSchema = fileObject({
  rotations: list(rotationSchema),
  policies: list(policySchema),
  routes: list(routeSchema),
  default_policy: id.optional(),
});

export type EscalationFile = z.output<typeof escalationFileSchema>;
