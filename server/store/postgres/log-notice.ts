import type { HubEvent } from '../../../shared/events';

// What a commit tells the other hubs through NOTIFY, sent in the same transaction as its rows and
// so delivered only if, and when, they are committed, in commit order:
//
//   "<instance> <first seq> <last seq> <sent at>"            the log grew by first..last
//   "<instance> <first seq> <last seq> <sent at>\n[events]"  … and here they are
//
// The events ride along when they fit in a notification (PostgreSQL's limit is 8,000 bytes), so
// a hub following a quiet or steady log folds them without a round trip back to the database; a
// bigger commit sends its events as consecutive runs, a notice each (noticesOf), so a busy log's
// group commits are folded the same way.
// They are the very rows of that transaction, so folding them is reading the log early, not
// trusting a message: the folder still refuses anything that does not follow on from its seq, and
// a gap, a notice without events, or no notice at all is read from the log as before. Anyone who
// can connect to the database may NOTIFY, so events are folded only from a session running as the
// hubs' own role (log-follower.ts); any other notice is a hint to read the log. `sent at`
// (epoch ms, sub-ms) is when the committing hub sent its write, for the follow-delay metric.

/** PostgreSQL refuses payloads of 8,000 bytes or more; a little room is kept below that. */
export const NOTICE_MAX_BYTES = 7_900;

export interface LogNotice {
  /** The committing hub's instance id. */
  readonly from: string;
  readonly firstSeq: number;
  readonly lastSeq: number;
  /** When the committing hub sent its write (epoch ms), or null from an older hub. */
  readonly sentAt: number | null;
  /** The committed events, oldest first, when they fitted; null when they must be read. */
  readonly events: ReadonlyArray<HubEvent> | null;
}

/**
 * The payload for a commit of `bodies` (the events as stored, JSON, seq order) numbered
 * first..last: with the events when they fit, else the header alone.
 */
export function noticeOf(
  instance: string,
  firstSeq: number,
  lastSeq: number,
  sentAt: number,
  bodies: ReadonlyArray<string>,
): string {
  const header = `${instance} ${firstSeq} ${lastSeq} ${sentAt.toFixed(3)}`;
  // A string's length never exceeds its UTF-8 size, so a batch too long in characters is
  // given up on before anything is joined or encoded.
  let bytes = header.length + 3 + bodies.length;
  for (const body of bodies) {
    bytes += body.length;
    if (bytes > NOTICE_MAX_BYTES) return header;
  }
  const payload = `${header}\n[${bodies.join(',')}]`;
  return Buffer.byteLength(payload, 'utf8') <= NOTICE_MAX_BYTES ? payload : header;
}

/**
 * Most notifications one commit sends. A batch too big for one notification is cut into runs of
 * consecutive events, a notification each (PostgreSQL delivers a transaction's notifications in
 * the order they were sent), so the other hubs fold a busy log's commits without reading them
 * back; a bigger batch than this many runs sends its range alone, as one notice.
 */
export const MAX_NOTICES = 16;

/**
 * The payloads for a commit of `bodies` numbered first..last: one notice when they fit in it,
 * else consecutive runs that each fit (a single event too big for any notice goes as its range
 * alone), else, past MAX_NOTICES, the whole range without events.
 */
export function noticesOf(
  instance: string,
  firstSeq: number,
  lastSeq: number,
  sentAt: number,
  bodies: ReadonlyArray<string>,
): string[] {
  const whole = noticeOf(instance, firstSeq, lastSeq, sentAt, bodies);
  if (whole.includes('\n') || bodies.length <= 1) return [whole];
  // Room for the longest header any run can have, and the brackets and newline around the events.
  const room =
    NOTICE_MAX_BYTES - Buffer.byteLength(`${instance} ${lastSeq} ${lastSeq} ${sentAt.toFixed(3)}`) - 3;
  const notices: string[] = [];
  for (let start = 0; start < bodies.length; ) {
    let end = start;
    for (let bytes = 0; end < bodies.length; end++) {
      bytes += Buffer.byteLength(bodies[end] as string) + 1;
      if (bytes > room) break;
    }
    end = Math.max(end, start + 1);
    // noticeOf checks the size itself: a run that does not fit after all goes as its range.
    notices.push(noticeOf(instance, firstSeq + start, firstSeq + end - 1, sentAt, bodies.slice(start, end)));
    if (notices.length > MAX_NOTICES) return [whole];
    start = end;
  }
  return notices;
}

/** Reads a payload; null when it is not one (then the log is read, as for any doubt). */
export function readNotice(payload: string): LogNotice | null {
  const newline = payload.indexOf('\n');
  const header = (newline === -1 ? payload : payload.slice(0, newline)).split(' ');
  const from = header[0];
  if (!from) return null;
  // An older hub said only "<instance> <last seq>".
  if (header.length === 2) {
    const lastSeq = Number(header[1]);
    return Number.isSafeInteger(lastSeq)
      ? { from, firstSeq: lastSeq, lastSeq, sentAt: null, events: null }
      : null;
  }
  const firstSeq = Number(header[1]);
  const lastSeq = Number(header[2]);
  const sentAt = Number(header[3]);
  if (!Number.isSafeInteger(firstSeq) || !Number.isSafeInteger(lastSeq) || lastSeq < firstSeq) return null;
  let events: HubEvent[] | null = null;
  if (newline !== -1) {
    try {
      const parsed: unknown = JSON.parse(payload.slice(newline + 1));
      if (Array.isArray(parsed) && parsed.every((event, i) => seqOf(event) === firstSeq + i))
        events = parsed.length === lastSeq - firstSeq + 1 ? (parsed as HubEvent[]) : null;
    } catch {
      events = null; // read from the log instead
    }
  }
  return { from, firstSeq, lastSeq, sentAt: Number.isFinite(sentAt) ? sentAt : null, events };
}

function seqOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'seq' in value ? value.seq : undefined;
}
