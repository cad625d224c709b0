import type { Change } from '../../shared/changes/change';
import type { Actor } from '../../shared/domain';
import type { NewEvent } from '../../shared/events';
import type { Writer } from '../store/writer';

/** Appends changes to the log (and so to the `changes` table); resolves once they are durable. */
export function recordChanges(
  writer: Writer,
  actor: Actor,
  changes: ReadonlyArray<Change>,
  receivedAt: number,
): Promise<unknown> {
  return writer.submit(() =>
    changes.map(
      (change): NewEvent => ({ type: 'change_recorded', at: receivedAt, actor, incidentId: '', change }),
    ),
  );
}
