import { type Outgoing, type Senders, sendOnce } from '../notify/channel-message';

// Sends to a team's notify channel with retries, for notify_impacted. Each try is the same
// single POST or email the pager sends (server/notify/channel-message.ts: no redirects, the URL
// never in an error); only the retry schedule differs — a chat message gets fewer, longer-spaced
// tries than a page.

/** A signal that never aborts, for callers with nothing to cancel. */
const NEVER = new AbortController().signal;

export interface DeliveryOptions {
  /** Tries in all, at least 1. */
  readonly attempts: number;
  /** Wait before try 2, 3…; the last entry repeats. */
  readonly backoffMs: ReadonlyArray<number>;
  /** Per try. */
  readonly timeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  attempts: 3,
  backoffMs: [1_000, 5_000],
  timeoutMs: 10_000,
};

export type DeliveryOutcome =
  | { readonly ok: true; readonly attempt: number }
  | { readonly ok: false; readonly attempt: number; readonly error: string };

/** POSTs `body` as JSON until a 2xx, a refusal that retrying cannot fix, or the last try. */
export function deliverJson(
  url: string,
  body: unknown,
  options: DeliveryOptions = DEFAULT_DELIVERY,
  signal?: AbortSignal,
): Promise<DeliveryOutcome> {
  return deliver({ kind: 'post', url, body }, options, signal);
}

/** Sends one message (a POST or an email) until accepted, refused for good, or out of tries. */
export async function deliver(
  message: Outgoing,
  options: DeliveryOptions = DEFAULT_DELIVERY,
  signal?: AbortSignal,
  senders: Senders = {},
): Promise<DeliveryOutcome> {
  let error = 'not attempted';
  for (let attempt = 1; attempt <= Math.max(1, options.attempts); attempt++) {
    if (attempt > 1)
      await wait(options.backoffMs[Math.min(attempt - 2, options.backoffMs.length - 1)] ?? 0, signal);
    if (signal?.aborted) return { ok: false, attempt: attempt - 1, error: 'cancelled: the hub is stopping' };
    const tried = await sendOnce(message, options.timeoutMs, signal ?? NEVER, senders);
    if (tried.ok) return { ok: true, attempt };
    error = tried.error;
    if (!tried.retry) return { ok: false, attempt, error };
  }
  return { ok: false, attempt: Math.max(1, options.attempts), error };
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
