import type { OutboxEntry } from '../../shared/outbox';

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
