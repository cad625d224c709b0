import { z } from 'zod';
import { commandSchema, REJECTION_CODES } from '../commands';
import type { OutboxEntry, RejectedCommand, StoredOutbox } from '../outbox';

// The outbox read back from disk or IndexedDB is untrusted like any stored state: each entry is
// checked, and one that no longer parses is dropped (with a log line) rather than sent. Refusals
// not yet dismissed are stored beside the unsent entries (an older console stored none: the field
// is optional) and checked on their own, so a broken refusal never costs an unsent action.

export const outboxEntrySchema = z.object({
  command: commandSchema,
  queuedAt: z.number(),
  // Kept, not stripped: without it a restart would send the action to whatever hub answers.
  hubId: z.string().min(1).max(100).nullable().optional(),
  // Kept too: without it a restart would send the action as whoever is signed in then.
  madeBy: z.string().min(1).max(200).nullable().optional(),
}) satisfies z.ZodType<OutboxEntry>;

export const rejectedCommandSchema = z.object({
  command: commandSchema,
  error: z.object({ code: z.enum(REJECTION_CODES), message: z.string().max(2000) }),
  at: z.number(),
}) satisfies z.ZodType<RejectedCommand>;

export const OUTBOX_FORMAT = 1;

export const persistedOutboxSchema = z.object({
  format: z.literal(OUTBOX_FORMAT),
  entries: z.array(z.unknown()),
  // Unknown here and parsed one by one below: a corrupt list must not fail the envelope.
  rejected: z.unknown().optional(),
  rejectedDropped: z.unknown().optional(),
});

/** Parses a stored outbox, keeping the good entries and refusals in order and naming how many were dropped. */
export function parseStoredOutbox(raw: unknown): StoredOutbox & { dropped: number } {
  const envelope = persistedOutboxSchema.safeParse(raw);
  if (!envelope.success) {
    return {
      entries: [],
      rejected: [],
      rejectedDropped: 0,
      dropped: raw === undefined || raw === null ? 0 : 1,
    };
  }
  const entries: OutboxEntry[] = [];
  const rejected: RejectedCommand[] = [];
  let dropped = 0;
  for (const candidate of envelope.data.entries) {
    const parsed = outboxEntrySchema.safeParse(candidate);
    if (parsed.success) entries.push(parsed.data);
    else dropped += 1;
  }
  const storedRejected = envelope.data.rejected;
  // A refusal that cannot be read is still one the operator has not seen: it counts as dropped,
  // so the console says that some were lost rather than nothing.
  let rejectedDropped = 0;
  if (Array.isArray(storedRejected)) {
    for (const candidate of storedRejected) {
      const parsed = rejectedCommandSchema.safeParse(candidate);
      if (parsed.success) rejected.push(parsed.data);
      else {
        dropped += 1;
        rejectedDropped += 1;
      }
    }
  } else if (storedRejected !== undefined) {
    dropped += 1;
    rejectedDropped += 1;
  }
  const count = z.number().int().min(0).max(1_000_000).safeParse(envelope.data.rejectedDropped);
  if (count.success) rejectedDropped += count.data;
  return { entries, rejected, rejectedDropped, dropped };
}
