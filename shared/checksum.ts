import type { Incident } from './domain';

// A fingerprint of the open incidents, so a console can prove it holds exactly the hub's
// picture (same incidents, same state) rather than assume it. The hub sends it with every
// catch-up and about once a second on the live stream, tagged with the seq it describes.
//
// Each open incident hashes to 64 bits (two 32-bit FNV-1a lanes over the fields an operator
// sees), remembered per incident value: incidents are never changed once made, a change makes a
// new value. The board's fingerprint is the count and the sum of those hashes (mod 2^32 per
// lane): independent of order by construction, so there is nothing to sort, and a fingerprint
// costs one walk that hashes only the incidents made since the last one. Sorting and hashing
// every open incident's text each second cost the hub's event loop 6 ms at 10,000 open incidents
// and 37 ms at 50,000 (docs/performance.md).

/** The fields that define what an operator sees of an open incident, as one line of text. */
export function canonical(incident: Incident): string {
  return [
    incident.id,
    incident.updatedSeq,
    incident.status,
    incident.severity,
    incident.alertCount,
    incident.firingCount,
    incident.acknowledgedAt ?? '',
    incident.commander ?? '',
    incident.responders.join(','),
    incident.services.join(','),
  ].join('|');
}

/** 32-bit FNV-1a from a given offset basis. */
function fnv1a(text: string, offset: number): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

interface IncidentHash {
  readonly a: number;
  readonly b: number;
}

const hashes = new WeakMap<Incident, IncidentHash>();

function hashOf(incident: Incident): IncidentHash {
  let hash = hashes.get(incident);
  if (hash === undefined) {
    const text = canonical(incident);
    hash = { a: fnv1a(text, 0x811c9dc5), b: fnv1a(text, 0x5bd1e995) };
    hashes.set(incident, hash);
  }
  return hash;
}

const hex = (lane: number): string => lane.toString(16).padStart(8, '0');

/** The checksum of the open incidents among `incidents`, independent of their order. */
export function boardChecksum(incidents: Iterable<Incident>): string {
  let count = 0;
  let a = 0;
  let b = 0;
  for (const incident of incidents) {
    if (incident.status === 'resolved') continue;
    const hash = hashOf(incident);
    a = (a + hash.a) >>> 0;
    b = (b + hash.b) >>> 0;
    count += 1;
  }
  return `${count}:${hex(a)}${hex(b)}`;
}
