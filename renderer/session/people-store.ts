import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { Person, SitroomApi } from '../../shared/api';
import type { DisplayNames } from '../../shared/export/describe-event';
import { useSitroomApi } from '../api-context';
import { useSession } from './session-store';

// Everyone who can be named as commander or responder, fetched once per signed-in user: the
// list changes only when the organisation edits users.yaml, and a reload picks that up.

interface PeopleStore {
  readonly people: ReadonlyArray<Person>;
  /** The user id the list was fetched for; another sign-in fetches again. */
  readonly fetchedFor: string | null;
}

export const usePeopleStore = create<PeopleStore>()(() => ({ people: [], fetchedFor: null }));

async function fetchPeople(api: SitroomApi, userId: string): Promise<void> {
  usePeopleStore.setState({ fetchedFor: userId });
  try {
    usePeopleStore.setState({ people: await api.people() });
  } catch (error) {
    // Without the list, people are shown by their ids and the pickers offer only yourself.
    console.warn('[sitroom] could not load people', error);
  }
}

/** The people list, fetched when first needed for the signed-in user. */
export function usePeople(): ReadonlyArray<Person> {
  const api = useSitroomApi();
  const userId = useSession()?.user.id ?? null;
  const fetchedFor = usePeopleStore((state) => state.fetchedFor);
  const people = usePeopleStore((state) => state.people);
  useEffect(() => {
    if (userId !== null && fetchedFor !== userId) void fetchPeople(api, userId);
  }, [api, userId, fetchedFor]);
  return people;
}

/** Display names of everyone known, including the signed-in user when the list is unavailable. */
export function useDisplayNames(): DisplayNames {
  const people = usePeople();
  const me = useSession()?.user ?? null;
  return useMemo(() => {
    // A Map, not an object: user ids come from the hub's users.yaml ("constructor" is an id too).
    const names = new Map<string, string>();
    if (me) names.set(me.id, me.name);
    for (const person of people) names.set(person.id, person.name);
    return (userId: string) => names.get(userId) ?? userId;
  }, [people, me]);
}
