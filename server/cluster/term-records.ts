import type { NewEvent } from '../../shared/events';
import type { Writer } from '../store/writer';

// What the leader's work records (a delivery's outcome, a silence's) belongs to one term. A term
// that has ended must not write: the next term reads the log to find what is unfinished, and an
// outcome landing after that read is one it does not know of (so it sends again, and the timeline
// shows two outcomes), or one it has already given itself. The term is checked when the outcome
// is handed to the writer and again inside the commit: a commit waits its turn behind others,
// and the term may end meanwhile. The plan runs after what other hubs committed is folded, as an
// escalation's does, so it is checked against the log as it then stands; and on PostgreSQL the
// commit itself asks whether this hub's session still holds the leader's lock (view.leading), so
// a leader whose session died while the commit waited writes nothing before it notices.

/** Whether the term that owns some work is still the current one. */
export type TermIsCurrent = () => boolean;

/** Records `events` while `current` holds, checked now and again when the commit plans them. */
export async function recordInTerm(
  writer: Pick<Writer, 'submit'>,
  current: TermIsCurrent,
  events: ReadonlyArray<NewEvent>,
): Promise<void> {
  if (events.length === 0 || !current()) return;
  await writer.submit((view) => (current() && view.leading ? [...events] : []));
}
