import type { Rotation, RotationOverride } from '../config/types';
import { instantOf, wallFrom, wallOf } from './zone-time';

// Who is on call in a rotation at an instant. Shifts are counted in the rotation's local wall
// clock from the hand-off time on its start date (or 1970-01-01), so a 12-hour rotation handing
// off at 08:00 in Europe/Berlin hands off at 08:00 and 20:00 local all year: the shifts that span
// a DST change are an hour shorter or longer, never shifted. Overrides win for [from, to).

const HOUR_MS = 3_600_000;

/** A stretch of time in which one person is on call and nothing about the schedule changes. */
export interface OnCallSlot {
  readonly userId: string;
  /** Epoch ms, inclusive. */
  readonly from: number;
  /** Epoch ms, exclusive: the next hand-off or override edge. */
  readonly to: number;
  /** True when an override, not the turn order, put this person on call. */
  readonly override: boolean;
}

const shiftMs = (rotation: Rotation): number => Math.max(1, Math.round(rotation.shiftHours * HOUR_MS));
const anchorWall = (rotation: Rotation): number => wallFrom(rotation.start ?? '1970-01-01', rotation.handoff);

/** When shift `k` begins (shift 0 begins at the hand-off time on the start date; k may be negative). */
export function shiftStart(rotation: Rotation, k: number): number {
  return instantOf(rotation.timezone, anchorWall(rotation) + k * shiftMs(rotation));
}

/** The number of the shift running at `t`, counted from the start date (negative before it). */
export function shiftIndexAt(rotation: Rotation, t: number): number {
  let k = Math.floor((wallOf(rotation.timezone, t) - anchorWall(rotation)) / shiftMs(rotation));
  // The wall-clock guess is off by at most the zone's offset change; walk to the exact shift.
  // Shifts swallowed whole by a DST gap have zero length and are stepped over.
  while (shiftStart(rotation, k) > t) k -= 1;
  while (shiftStart(rotation, k + 1) <= t) k += 1;
  return k;
}

/** Whose turn shift `k` is: participants in order, wrapping (also backwards before the start). */
export function participantOf(rotation: Rotation, k: number): string {
  const n = rotation.participants.length;
  return rotation.participants[((k % n) + n) % n] as string;
}

/** The slot running at `t`: the override covering it, else the turn order's person. */
export function slotAt(rotation: Rotation, t: number): OnCallSlot {
  let winner: RotationOverride | null = null;
  let before = Number.NEGATIVE_INFINITY;
  let after = Number.POSITIVE_INFINITY;
  for (const entry of rotation.overrides) {
    // Where overrides overlap, the one written last wins: it is the newest arrangement.
    if (entry.from <= t && t < entry.to) winner = entry;
    for (const edge of [entry.from, entry.to]) {
      if (edge <= t && edge > before) before = edge;
      if (edge > t && edge < after) after = edge;
    }
  }
  // Under an override the turn order's hand-offs do not matter; only override edges do.
  if (winner) return { userId: winner.user, from: before, to: after, override: true };
  const k = shiftIndexAt(rotation, t);
  return {
    userId: participantOf(rotation, k),
    from: Math.max(shiftStart(rotation, k), before),
    to: Math.min(shiftStart(rotation, k + 1), after),
    override: false,
  };
}
