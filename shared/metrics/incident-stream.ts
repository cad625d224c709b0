import type { HubEvent } from '../events';
import { type IncidentFacts, incidentFacts } from './incident-facts';

// The hub reads months of log for a report. Folding it incident by incident keeps memory to one
// incident's events, however long the range: the store hands events over grouped by incident.

/**
 * Facts of each incident in a stream of events grouped by incident (all of one incident's events
 * together, oldest first), yielded as each incident's group ends.
 */
export function* factsOfIncidents(events: Iterable<HubEvent>): Generator<IncidentFacts> {
  let current: HubEvent[] = [];
  for (const event of events) {
    const last = current[current.length - 1];
    if (last && last.incidentId !== event.incidentId) {
      const facts = incidentFacts(current);
      if (facts) yield facts;
      current = [];
    }
    current.push(event);
  }
  const facts = incidentFacts(current);
  if (facts) yield facts;
}
