import type { Incident } from './domain';

// A fingerprint of the open incidents, so a console can prove it holds exactly the hub's
// picture (same incidents, same state) rather than assume it. The hub sends it with every
// catch-up and about once a second on the live stream, tagged with the seq it describes.

/** The fields that define what an operator sees of an open incident. */
function canonical(incident: Incident): string {
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

/** Two 32-bit FNV-1a hashes with different offsets: 64 bits, cheap, no crypto needed here. */
function fnv1a(text: string, offset: number): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The checksum of the open incidents among `incidents`, independent of their order. */
export function boardChecksum(incidents: Iterable<Incident>): string {
  const lines: string[] = [];
  for (const incident of incidents) if (incident.status !== 'resolved') lines.push(canonical(incident));
  lines.sort();
  const text = lines.join('\n');
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x5bd1e995).toString(16).padStart(8, '0');
  return `${lines.length}:${a}${b}`;
}
