import type { NextPage } from '../../shared/escalation/escalations-view';
import { type DisplayNames, personLabel } from '../../shared/export/describe-event';

// How an escalation reads on the wall: who is paged, who comes next, and how long until then.
// Pure, so the words are pinned down by unit tests.

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * Time left until the next level, as a ticking clock reads: "4:05", "1:02:05"; "now" once due.
 * Rounded up, so "0:01" is the last second shown before "now" and a page never seems late.
 */
export function formatCountdown(msLeft: number): string {
  if (msLeft <= 0) return 'now';
  const totalSeconds = Math.ceil(msLeft / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** People by display name, in the order given: "Alice Moreau, Bob Okafor"; "nobody" when empty. */
export function namesOf(userIds: ReadonlyArray<string>, names: DisplayNames): string {
  return userIds.length === 0 ? 'nobody' : userIds.map((id) => personLabel(id, names)).join(', ');
}

/** What the room reads beside a paged person no page can reach: they were paged in name only. */
export const UNREACHABLE_TEXT = 'not reachable: no contact configured';

/** The people paged now, split into those a page reaches and those it cannot (no contact configured). */
export function pagedPeople(
  userIds: ReadonlyArray<string>,
  unreachableUserIds: ReadonlyArray<string>,
  names: DisplayNames,
): { readonly reached: string; readonly unreachable: ReadonlyArray<string> } {
  const reached = userIds.filter((id) => !unreachableUserIds.includes(id));
  const unreachable = userIds.filter((id) => unreachableUserIds.includes(id));
  return {
    // "nobody" only when nobody at all was paged; everyone unreachable reads as the list below.
    reached: reached.length === 0 && unreachable.length > 0 ? '' : namesOf(reached, names),
    unreachable: unreachable.map((id) => `${personLabel(id, names)} — ${UNREACHABLE_TEXT}`),
  };
}

/** A level as the room says it: "Level 2 of 3", with "(repeat 1)" on the ladder's second run. */
export function levelLabel(level: number, levels: number | null, cycle: number): string {
  const of = levels !== null && levels >= level ? ` of ${levels}` : '';
  return `Level ${level}${of}${cycle > 0 ? ` (repeat ${cycle})` : ''}`;
}

/**
 * Who the next level pages: "Bob Okafor + team data-platform", "team sre", or "nobody"; someone
 * no page reaches is marked "(not reachable)".
 */
export function describeNextTargets(
  next: Pick<NextPage, 'userIds' | 'teams' | 'unreachableUserIds'>,
  names: DisplayNames,
): string {
  const people = next.userIds.map((id) =>
    next.unreachableUserIds.includes(id)
      ? `${personLabel(id, names)} (not reachable)`
      : personLabel(id, names),
  );
  const teams = next.teams.map((team) => `team ${team}`);
  const all = [...people, ...teams];
  return all.length === 0 ? 'nobody' : all.join(' + ');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAY_MS = 86_400_000;

/**
 * A shift edge in the console's zone, as short as is unambiguous from `now`: "20:00" today,
 * "Tue 08:00" within the week either side, else "3 Mar 08:00".
 */
export function formatShiftTime(at: number, now: number): string {
  const date = new Date(at);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (date.toDateString() === new Date(now).toDateString()) return time;
  if (Math.abs(at - now) < 6 * DAY_MS) return `${WEEKDAYS[date.getDay()]} ${time}`;
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${time}`;
}
