import { MAX_KEPT_REFUSALS, type OutboxEntry, type RejectedCommand } from '../../shared/outbox';

// Several tabs of one browser profile (a wall and an operator's console, say) keep their queued
// actions under one key. Each tab saving its own list over the others' would lose what another
// tab queued and has not sent yet. So a tab's save takes out only what it knew and is now done
// with (sent and answered, or dismissed), adds what it has, and keeps what other tabs queued.
// A tab that loads another tab's action may send it too: the hub applies a commandId once.

/** The stored outbox after a tab with `current` saves, having known `known` (commandIds) before. */
export function mergeSharedOutbox(
  stored: ReadonlyArray<OutboxEntry>,
  known: ReadonlySet<string>,
  current: ReadonlyArray<OutboxEntry>,
): OutboxEntry[] {
  const mine = new Set(current.map((entry) => entry.command.commandId));
  const kept = stored.filter((entry) => {
    const id = entry.command.commandId;
    // Done with here if this tab had it and no longer does; another tab's is none of its business.
    return !mine.has(id) && !known.has(id);
  });
  return [...kept, ...current].sort((a, b) => a.queuedAt - b.queuedAt);
}

/**
 * The stored refusals after a tab with `current` saves, having known `known` (commandIds) before:
 * the same rule as for actions, so a refusal another tab's worker holds stays until that tab's
 * operator dismisses it. Newest MAX_KEPT_REFUSALS kept; the rest counted in `dropped`.
 */
export function mergeSharedRejected(
  stored: ReadonlyArray<RejectedCommand>,
  known: ReadonlySet<string>,
  current: ReadonlyArray<RejectedCommand>,
): { rejected: RejectedCommand[]; dropped: number } {
  const mine = new Set(current.map((rejection) => rejection.command.commandId));
  const kept = stored.filter((rejection) => {
    const id = rejection.command.commandId;
    return !mine.has(id) && !known.has(id);
  });
  const all = [...kept, ...current].sort((a, b) => a.at - b.at);
  const dropped = Math.max(0, all.length - MAX_KEPT_REFUSALS);
  return { rejected: all.slice(dropped), dropped };
}
