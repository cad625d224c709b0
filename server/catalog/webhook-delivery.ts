// Posts JSON to a notify channel with retries. A webhook URL is a secret (Slack's carry the
// token in the path), so nothing here ever logs or returns the URL: errors name the HTTP status
// or the network failure only. Written for notify_impacted; the escalation engine's pager may
// share it.

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
export async function deliverJson(
  url: string,
  body: unknown,
  options: DeliveryOptions = DEFAULT_DELIVERY,
  signal?: AbortSignal,
): Promise<DeliveryOutcome> {
  const text = JSON.stringify(body);
  let error = 'not attempted';
  for (let attempt = 1; attempt <= Math.max(1, options.attempts); attempt++) {
    if (attempt > 1)
      await wait(options.backoffMs[Math.min(attempt - 2, options.backoffMs.length - 1)] ?? 0, signal);
    if (signal?.aborted) return { ok: false, attempt: attempt - 1, error: 'cancelled: the hub is stopping' };
    const tried = await tryOnce(url, text, options.timeoutMs, signal);
    if (tried.ok) return { ok: true, attempt };
    error = tried.error;
    if (!tried.retry) return { ok: false, attempt, error };
  }
  return { ok: false, attempt: Math.max(1, options.attempts), error };
}

type Try = { readonly ok: true } | { readonly ok: false; readonly retry: boolean; readonly error: string };

async function tryOnce(url: string, body: string, timeoutMs: number, signal?: AbortSignal): Promise<Try> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Sitroom' },
      body,
      // A redirect could carry the message (and the URL's secret) somewhere else: not followed.
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true };
    // Overloaded or broken receivers may recover; a 4xx says this request will never be taken.
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    return { ok: false, retry, error: `HTTP ${response.status}` };
  } catch (caught) {
    if (timeout.aborted) return { ok: false, retry: true, error: `no answer within ${timeoutMs} ms` };
    return { ok: false, retry: !signal?.aborted, error: networkError(caught) };
  }
}

/** "ECONNREFUSED" rather than undici's "fetch failed": the cause is what a person can act on. */
function networkError(caught: unknown): string {
  const cause = caught instanceof Error ? caught.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return `network error ${cause.code}`;
  }
  return caught instanceof Error ? caught.message : 'network error';
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
