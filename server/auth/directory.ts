import type { Incident } from '../../shared/domain';
import { LOCAL_USER, type User } from '../../shared/roles';

// Who is who, for authentication and for commands that name people. Open local mode (no
// users.yaml) has one user, `local`, who is admin; the configured directory comes from the
// organisation's config folder.

export interface Directory {
  readonly openMode: boolean;
  /** The user a bearer token belongs to, or null. */
  userByToken(token: string | null): User | null;
  userExists(id: string): boolean;
  userName(id: string): string;
  /** The runbook checklist step ids that apply to an incident. */
  runbookSteps(incident: Incident): ReadonlyArray<string>;
}

export const openDirectory: Directory = {
  openMode: true,
  userByToken: () => LOCAL_USER,
  // In open local mode people are named freely ("take command as alice"): there is no list.
  userExists: () => true,
  userName: (id) => (id === LOCAL_USER.id ? LOCAL_USER.name : id),
  runbookSteps: () => [],
};

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
