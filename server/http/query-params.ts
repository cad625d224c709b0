import { HttpError } from './errors';
import type { RouteMatch } from './route-table';

// One rule for every GET endpoint: a query parameter the route does not take is a 400 naming it.
// Ignored, a typo (`?sevrity=sev1`, `?timezone=Europe/Berlin`) quietly answers something other
// than what was asked; refused, the caller sees the mistake. A route's parameters are those its
// table entry declares (route-table.ts), which the OpenAPI document lists too.

/** A name shown back is cut, so a hostile query cannot make the answer large. */
const SHOWN_CHARS = 64;

/** Throws 400 invalid_query for the first parameter `route` does not take. */
export function refuseUnknownParameters(route: RouteMatch['route'], url: URL | null): void {
  if (url === null || url.search === '' || route.method !== 'GET') return;
  const known = 'query' in route ? Object.keys(route.query.shape) : [];
  for (const name of url.searchParams.keys()) {
    if (known.includes(name)) continue;
    const shown = name.length > SHOWN_CHARS ? `${name.slice(0, SHOWN_CHARS - 1)}…` : name;
    const hint = known.length > 0 ? `it takes ${known.join(', ')}` : 'it takes no parameters';
    throw new HttpError(
      400,
      'invalid_query',
      `Unknown parameter ${JSON.stringify(shown)} on ${route.path}: ${hint}.`,
      shown,
    );
  }
}
