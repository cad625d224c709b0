import type { Rotation } from '../config/types';
import { type OnCallSlot, slotAt } from './rotation';

// On-call as people ask about it: who has it now, since and until when, and who takes over.
// Consecutive slots with the same person (one participant, or an override handing someone their
// own shift) are one stretch of duty, so "until" is when the pager really changes hands.

/** How far ahead (and back) to look for a change of person before giving up. */
const HORIZON_MS = 400 * 24 * 3_600_000;
const MAX_SLOTS = 2_000;

export interface OnCallNow {
  readonly userId: string;
  /** When this person's stretch began, or null when it began more than the horizon ago. */
  readonly since: number | null;
  /** When the pager passes to someone else, or null when nobody else has it within the horizon. */
  readonly until: number | null;
  readonly nextUserId: string | null;
}

/** A stretch of time one person is on call, within a window asked about. */
export interface OnCallSegment {
  readonly userId: string;
  readonly from: number;
  readonly to: number;
}

/** Who is on call at `t`, since when, until when, and who is next. */
export function onCallAt(rotation: Rotation, t: number): OnCallNow {
  const current = slotAt(rotation, t);
  const after = nextChange(rotation, current, 1);
  const before = nextChange(rotation, current, -1);
  return {
    userId: current.userId,
    since: before?.edge ?? null,
    until: after?.edge ?? null,
    nextUserId: after?.slot.userId ?? null,
  };
}

/** The edge where the person changes, walking forward (+1) or back (-1) slot by slot. */
function nextChange(
  rotation: Rotation,
  start: OnCallSlot,
  direction: 1 | -1,
): { edge: number; slot: OnCallSlot } | null {
  const origin = direction === 1 ? start.from : start.to;
  // With one distinct participant the turn order never changes hands: only override edges can.
  const oneParticipant = new Set(rotation.participants).size === 1;
  const overrideEdges = rotation.overrides.flatMap((entry) => [entry.from, entry.to]);
  let slot = start;
  for (let i = 0; i < MAX_SLOTS; i++) {
    let edge = direction === 1 ? slot.to : slot.from;
    if (oneParticipant && !slot.override) {
      const ahead = overrideEdges.filter((e) => (direction === 1 ? e >= edge : e <= edge));
      if (ahead.length === 0) return null;
      // A loop, not Math.min(...ahead): escalation.yaml may list more overrides than a call takes.
      edge = ahead.reduce((best, e) => (direction === 1 ? Math.min(best, e) : Math.max(best, e)));
    }
    if (!Number.isFinite(edge) || Math.abs(edge - origin) > HORIZON_MS) return null;
    const neighbour = slotAt(rotation, direction === 1 ? edge : edge - 1);
    if (neighbour.userId !== start.userId)
      return direction === 1 ? { edge, slot: neighbour } : { edge, slot };
    slot = neighbour;
  }
  return null;
}

/** Who is on call over [from, to): contiguous, non-overlapping segments, one per stretch of duty. */
export function onCallSegments(rotation: Rotation, from: number, to: number): OnCallSegment[] {
  const segments: OnCallSegment[] = [];
  let t = from;
  while (t < to) {
    const slot = slotAt(rotation, t);
    const end = Math.min(slot.to, to);
    const last = segments[segments.length - 1];
    if (last && last.userId === slot.userId) segments[segments.length - 1] = { ...last, to: end };
    else segments.push({ userId: slot.userId, from: t, to: end });
    t = end;
  }
  return segments;
}
