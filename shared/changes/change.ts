import type { AlertLink } from '../domain';

// A change to a service: a deploy, a configuration change, a feature flag flipped. Sent by CI/CD
// and config tools (PagerDuty change events or Sitroom's generic change endpoint), stored in the
// event log and the `changes` table, and shown on an incident as "what changed just before".
// Every string in it is untrusted text.

export const CHANGE_KINDS = ['deploy', 'config', 'flag', 'other'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** How far back an incident looks for changes to its services and their dependencies. */
export const CHANGES_WINDOW_MS = 60 * 60 * 1000;

/** The most changes an incident or a service panel shows: a busy CI must not flood the view. */
export const CHANGES_SHOWN = 50;

export interface Change {
  /** The id the hub gave it (a ULID), unique across the log. */
  readonly id: string;
  /** The catalog service changed (or the sender's name for it, when the catalog has none). */
  readonly service: string;
  readonly kind: ChangeKind;
  readonly summary: string;
  /** Who or what made the change (a person, "ci"), when the sender said. */
  readonly by: string | null;
  /** When the change happened, epoch ms: the sender's timestamp, else when the hub received it. */
  readonly at: number;
  /** Where the sender said it happened (PagerDuty's payload.source), when it said. */
  readonly source: string | null;
  /** http(s) only: the ingest refuses any other (links[i].href). */
  readonly links: ReadonlyArray<AlertLink>;
}

export function isChangeKind(value: unknown): value is ChangeKind {
  return typeof value === 'string' && (CHANGE_KINDS as ReadonlyArray<string>).includes(value);
}

/** "4 min before", "just before", "12 s after": how far a change is from an incident opening. */
export function changeOffset(changeAt: number, openedAt: number): string {
  const delta = openedAt - changeAt;
  const side = delta >= 0 ? 'before' : 'after';
  const seconds = Math.round(Math.abs(delta) / 1000);
  if (seconds < 60) return seconds === 0 ? 'just before' : `${seconds} s ${side}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min ${side}`;
  return `${Math.round(minutes / 60)} h ${side}`;
}

/** "deploy checkout-web v2.3 by ci": the change in one line of plain (still untrusted) text. */
export function describeChange(change: Change): string {
  const by = change.by ? ` by ${change.by}` : '';
  return `${change.kind} ${change.service} ${change.summary}${by}`;
}

/** "deploy checkout-web v2.3 by ci, 4 min before" — a change as an incident shows it. */
export function describeChangeBefore(change: Change, openedAt: number): string {
  return `${describeChange(change)}, ${changeOffset(change.at, openedAt)}`;
}
