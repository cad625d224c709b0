import { z } from 'zod';
import { INCIDENT_STATUSES, SEVERITIES } from './domain';
import type { Role } from './roles';
import { silenceMatchersSchema } from './silences/matchers';

/** The longest silence Sitroom makes: a month; longer is a muting decision for the monitoring config. */
export const MAX_SILENCE_MINUTES = 30 * 24 * 60;

// Operator actions. Each carries a client-made ULID so the hub can de-duplicate: a replay gets
// the first answer and changes nothing. Sent over the socket (with ack) or POST /api/v1/commands.

const ulid = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID (26 characters of Crockford base32)');
/** A command's id, as a page names one it is done with (a refusal it has read). */
export const commandIdSchema = ulid;
const incidentId = z.string().min(1).max(100);
const userId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a user id (lowercase letters, digits, . _ -)');

const base = { commandId: ulid, incidentId };

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('acknowledge') }),
  z.object({ ...base, type: z.literal('assign_commander'), userId }),
  z.object({ ...base, type: z.literal('add_responder'), userId }),
  z.object({ ...base, type: z.literal('remove_responder'), userId }),
  z.object({ ...base, type: z.literal('set_severity'), severity: z.enum(SEVERITIES) }),
  z.object({
    ...base,
    type: z.literal('add_note'),
    text: z.string().trim().min(1, 'must not be empty').max(10_000),
  }),
  z.object({ ...base, type: z.literal('set_status'), status: z.enum(INCIDENT_STATUSES) }),
  z.object({ ...base, type: z.literal('reopen') }),
  z.object({ ...base, type: z.literal('merge'), intoIncidentId: incidentId }),
  z.object({ ...base, type: z.literal('escalate'), level: z.number().int().min(1).max(20).optional() }),
  z.object({ ...base, type: z.literal('notify_impacted') }),
  z.object({ ...base, type: z.literal('complete_runbook_step'), stepId: z.string().min(1).max(200) }),
  z.object({
    ...base,
    type: z.literal('silence'),
    minutes: z.number().int('must be whole minutes').min(1).max(MAX_SILENCE_MINUTES),
    comment: z.string().trim().min(1, 'must not be empty').max(1000),
    /** Overrides the matchers derived from the incident's alerts. */
    matchers: silenceMatchersSchema.optional(),
  }),
  z.object({
    ...base,
    type: z.literal('expire_silence'),
    // Alertmanager's ids are UUIDs; anything else could not be one, and goes into a URL path.
    silenceId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an Alertmanager silence id'),
  }),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];

/** The least role allowed to send each command. */
export const COMMAND_ROLE: Readonly<Record<CommandType, Role>> = {
  acknowledge: 'operator',
  add_note: 'operator',
  add_responder: 'operator',
  remove_responder: 'operator',
  escalate: 'operator',
  complete_runbook_step: 'operator',
  assign_commander: 'commander',
  set_severity: 'commander',
  set_status: 'commander',
  reopen: 'commander',
  merge: 'commander',
  notify_impacted: 'commander',
  // The default; integrations.yaml's silence_role may lower it to operator (commandRole).
  silence: 'commander',
  expire_silence: 'commander',
};

/** The least role for a command under this hub's configuration (silences follow silence_role). */
export function commandRole(type: CommandType, silenceRole: Role = COMMAND_ROLE.silence): Role {
  return type === 'silence' || type === 'expire_silence' ? silenceRole : COMMAND_ROLE[type];
}

/** `unavailable`: the hub could not store anything just now; the action was not done and may be sent again. */
export const REJECTION_CODES = ['forbidden', 'conflict', 'not_found', 'invalid', 'unavailable'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface CommandRejection {
  readonly code: RejectionCode;
  /** A sentence a person understands, e.g. "INC-4 was already resolved by dana at 14:02:11 UTC." */
  readonly message: string;
}

/** The hub's answer to a command: the seq of its last event, or why it was refused. */
export type CommandAnswer =
  | { readonly ok: true; readonly seq: number }
  | { readonly ok: false; readonly error: CommandRejection };
