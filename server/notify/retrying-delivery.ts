import { NO_LONGER_WANTED } from '../cluster/unfinished-deliveries';
import type { Clock } from '../escalation/clock';
import { type Outgoing, type Senders, sendOnce } from './channel-message';
import type { ConcurrencyLimit } from './concurrency-limit';
import type { PostResult } from './post-json';

// A page is worth more tries than a chat message (POST or email alike): up to 5, waiting 1 s, 2 s, 4 s, 8 s between
// them, each try given 5 s. Every try's outcome is reported as it happens, so the timeline shows
// "failed, retrying" while it is still retrying. Waits run on the hub's clock, so tests that
// drive time drive the backoff too.

export interface RetryPolicy {
  readonly attempts: number;
  /** Wait before try 2; doubled before each later try. */
  readonly firstBackoffMs: number;
  readonly timeoutMs: number;
}

export const PAGE_RETRY: RetryPolicy = { attempts: 5, firstBackoffMs: 1_000, timeoutMs: 5_000 };

export type AttemptOutcome =
  | { readonly ok: true; readonly attempt: number }
  | { readonly ok: false; readonly attempt: number; readonly error: string; readonly retrying: boolean };

export interface DeliveryDeps {
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly retry?: RetryPolicy;
  /** Asked before each retry: false gives up, reported as a final failure (the incident was answered). */
  stillWanted(): boolean;
  /** Bounds how many tries are on the network at once, across every delivery sharing it. */
  readonly limit?: ConcurrencyLimit;
  /** The one network call for POSTs, replaceable so the backoff can be tested without a network. */
  readonly post?: Senders['post'];
  /** The mailer for email channels (notifications.yaml's smtp), when there is one. */
  readonly mailer?: Senders['mailer'];
}

/** Sends `message` (a POST or an email) until delivered or out of tries, reporting each try. */
export async function deliverWithRetries(
  message: Outgoing,
  deps: DeliveryDeps,
  report: (outcome: AttemptOutcome) => void,
): Promise<void> {
  const retry = deps.retry ?? PAGE_RETRY;
  const senders: Senders = {
    ...(deps.post ? { post: deps.post } : {}),
    ...(deps.mailer ? { mailer: deps.mailer } : {}),
  };
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) {
      await sleep(deps.clock, retry.firstBackoffMs * 2 ** (attempt - 2), deps.signal);
      if (deps.signal.aborted) return;
      // Said on the timeline, so the delivery has a final outcome: a later leader must not take
      // an answered page for one left under way and send it again.
      if (!deps.stillWanted()) {
        report({ ok: false, attempt: attempt - 1, error: NO_LONGER_WANTED, retrying: false });
        return;
      }
    }
    // Checked when the limit gives the turn, which may come after the term has ended.
    const send = (): Promise<PostResult> =>
      deps.signal.aborted
        ? Promise.resolve({ ok: false, retry: false, error: 'not sent: the term ended' })
        : sendOnce(message, retry.timeoutMs, deps.signal, senders);
    const result = await (deps.limit ? deps.limit.run(send) : send());
    if (deps.signal.aborted) return;
    if (result.ok) {
      report({ ok: true, attempt });
      return;
    }
    const retrying = result.retry && attempt < retry.attempts;
    report({ ok: false, attempt, error: result.error, retrying });
    if (!retrying) return;
  }
}

function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const cancel = clock.setTimer(clock.now() + ms, done);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      cancel();
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
