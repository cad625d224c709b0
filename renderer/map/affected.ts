import type { MapHighlights } from './highlight';
import type { LayoutInput } from './layout';

// A wall's map is read from across the room, during an outage. Drawn whole, a real estate
// (thirty-odd services, six layers) leaves each name about 14 px high on a full-HD screen:
// legible at a desk, not at the back of the room. What the room needs from the map is what is
// failing and what that failure reaches, so a wall draws only those services (and the
// dependencies between them) whenever anything is failing, at the larger scale fewer services
// allow. With nothing failing it draws the whole estate, all of it OK.

/** Services failing (an open incident on them) or hurt by a failing dependency. */
export interface Affected {
  readonly failing: ReadonlySet<string>;
  readonly impacted: ReadonlySet<string>;
}

export function affectedServices(highlights: MapHighlights): Affected {
  const failing = new Set<string>();
  for (const [id, health] of highlights.health) if (health !== 'ok') failing.add(id);
  const impacted = new Set<string>();
  for (const id of highlights.impactedBy.keys()) if (!failing.has(id)) impacted.add(id);
  return { failing, impacted };
}

/** A key that changes only when the set of affected services does (the layout is kept until then). */
export function affectedKey(affected: Affected): string {
  return [...affected.failing, ...affected.impacted].sort().join('\u0000');
}

/** The catalog cut down to the services in `keep`, with only the dependencies among them. */
export function keepOnly(services: ReadonlyArray<LayoutInput>, keep: ReadonlySet<string>): LayoutInput[] {
  return services
    .filter((service) => keep.has(service.id))
    .map((service) => ({ id: service.id, dependsOn: service.dependsOn.filter((id) => keep.has(id)) }));
}
