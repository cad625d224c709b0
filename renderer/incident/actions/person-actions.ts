import { useLayoutEffect } from 'react';
import type { Person } from '../../../shared/api';

// What the command palette may do with a person while an incident is open: make them its
// commander or add them as a responder. The incident's action bar owns the sending (its pending
// markers and alert region), so it publishes the options here and the palette asks on Enter.
// A plain module variable, like the key registry's current bindings: nothing re-renders on it.

export interface PersonOption {
  readonly id: 'commander' | 'responder';
  readonly label: string;
  /** Why it cannot be done (role, already so); null when it can. */
  readonly disabledReason: string | null;
  readonly run: () => void;
}

export type PersonActions = (person: Person) => ReadonlyArray<PersonOption>;

let published: PersonActions | null = null;

/** The options for `person` on the open incident, or null when no incident is open. */
export function personOptions(person: Person): ReadonlyArray<PersonOption> | null {
  return published?.(person) ?? null;
}

/** Publishes the open incident's person options while the calling component is mounted. */
export function usePublishPersonActions(actions: PersonActions): void {
  useLayoutEffect(() => {
    published = actions;
  });
  useLayoutEffect(
    () => () => {
      published = null;
    },
    [],
  );
}
