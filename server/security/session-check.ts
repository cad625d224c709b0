import { hasRole, type User } from '../../shared/roles';

// A socket is authenticated once, at its handshake, but the configuration can change under it:
// a person removed from users.yaml, a role lowered, a token handed to someone else. After every
// configuration change each live socket is checked again; one that no longer holds is cut, and
// its console reconnects (and is refused, or signs in with what it now may do).

/** What a socket was let in as. */
export interface SocketSession {
  readonly token: string | null;
  readonly user: User;
}

/** Why a live session must end after a configuration change, or null when it still holds. */
export function sessionEnds(session: SocketSession, now: User | null): string | null {
  if (now === null) return 'its token is no longer accepted';
  if (now.id !== session.user.id) return 'its token now belongs to someone else';
  if (!hasRole(now.role, session.user.role))
    return `its role dropped from ${session.user.role} to ${now.role}`;
  return null;
}
