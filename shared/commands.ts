import { z } from 'zod';
import { INCIDENT_STATUSES, SEVERITIES } from './domain';
import type { Role } from './roles';

// Operator actions. Each carries a client-made ULID so the hub can de-duplicate: a replay gets
// the first answer and changes nothing. Sent over the socket (with ack) or POST /api/v1/commands.

const ulid = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID (26 characters of Crockford base32)');
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
};

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
