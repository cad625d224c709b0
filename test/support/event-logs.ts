import type { EventLog } from '../../server/store/event-log';
import type { HubEvent } from '../../shared/events';

// Writing a log directly, for tests that need history without a hub making it: one commit of
// events already numbered, as the writer would make it.

export async function appendEvents(
  log: EventLog,
  events: ReadonlyArray<HubEvent>,
  nextIncidentNumber: number,
): Promise<void> {
  const afterSeq = (events[0]?.seq ?? 1) - 1;
  await log.commit({ afterSeq, commandIds: [] }, async () => ({ events, commands: [], nextIncidentNumber }));
}
