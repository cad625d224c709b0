// Who may do what. Each role includes the one before it (docs/api.md).

export const ROLES = ['viewer', 'operator', 'commander', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Readonly<Record<Role, number>> = { viewer: 0, operator: 1, commander: 2, admin: 3 };

/** True when `role` includes `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** A person the hub knows: from users.yaml, or the single local user of open local mode. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

/** The user every console acts as in open local mode (no users.yaml). */
export const LOCAL_USER: User = { id: 'local', name: 'Local operator', role: 'admin' };
