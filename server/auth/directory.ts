import type { Runbook } from '../../shared/config/types';
import type { Incident } from '../../shared/domain';
import type { Catalog } from '../../shared/impact/catalog';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import type { User } from '../../shared/roles';

// Who is who, for authentication and for commands that name people. Open local mode (no
// users.yaml) has one user, `local`, who is admin; the configured directory comes from the
// organisation's config folder.

export interface Directory {
  readonly openMode: boolean;
  /** The user a bearer token belongs to, or null. */
  userByToken(token: string | null): User | null;
  userExists(id: string): boolean;
  /** Whether a user only watches (role viewer: wall displays, read-only accounts). */
  watchesOnly(id: string): boolean;
  userName(id: string): string;
  /** Everyone who can be named as commander or responder: every user who is not a viewer. */
  people(): ReadonlyArray<User>;
  /** The runbook checklist step ids that apply to an incident. */
  runbookSteps(incident: Incident): ReadonlyArray<string>;
  runbookFor(incident: Incident): Runbook | null;
  /** The service catalog without secrets, and indexed for impact walks (built once per config). */
  catalog(): Catalog;
  catalogGraph(): CatalogGraph;
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
