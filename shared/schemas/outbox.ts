import { z } from 'zod';
import { commandSchema } from '../commands';
import type { OutboxEntry } from '../outbox';

// The outbox read back from disk or IndexedDB is untrusted like any stored state: each entry is
// checked, and one that no longer parses is dropped (with a log line) rather than sent.

export const outboxEntrySchema = z.object({
  command: commandSchema,
  queuedAt: z.number(),
  // Kept, not stripped: without it a restart would send the action to whatever hub answers.
  hubId: z.string().min(1).max(100).nullable().optional(),
  // Kept too: without it a restart would send the action as whoever is signed in then.
  madeBy: z.string().min(1).max(200).nullable().optional(),
}) satisfies z.ZodType<OutboxEntry>;

export const OUTBOX_FORMAT = 1;

export const persistedOutboxSchema = z.object({
  format: z.literal(OUTBOX_FORMAT),
  entries: z.array(z.unknown()),
});

/** Parses stored entries, keeping the good ones in order and naming how many were dropped. */
export function parseStoredOutbox(raw: unknown): { entries: OutboxEntry[]; dropped: number } {
  const envelope = persistedOutboxSchema.safeParse(raw);
  if (!envelope.success) return { entries: [], dropped: raw === undefined || raw === null ? 0 : 1 };
  const entries: OutboxEntry[] = [];
  let dropped = 0;
  for (const candidate of envelope.data.entries) {
    const parsed = outboxEntrySchema.safeParse(candidate);
    if (parsed.success) entries.push(parsed.data);
    else dropped += 1;
  }
  return { entries, dropped };
}
