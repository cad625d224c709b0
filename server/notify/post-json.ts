// One POST of a JSON body to a paging or chat webhook. The URL is a secret (Slack's carry the
// token in the path), so errors name the HTTP status or the network failure, never the URL.

export type PostResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly retry: boolean; readonly error: string };

/** POSTs once; a 2xx is delivered, a 5xx/408/429/timeout/network error is worth another try. */
export async function postJsonOnce(
  url: string,
  body: string,
  timeoutMs: number,
  signal: AbortSignal,
  idempotencyKey?: string,
): Promise<PostResult> {
  // One controller and one timer per try: AbortSignal.timeout/any cost several times more, which
  // shows when a storm pages thousands at once.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = (): void => controller.abort();
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const { href, authorization } = withoutCredentials(url);
    const response = await fetch(href, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Sitroom',
        ...(authorization ? { authorization } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body,
      // A redirect could carry the page (and the URL's secret) elsewhere: not followed.
      redirect: 'manual',
      signal: controller.signal,
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true };
    // A 4xx other than these says this request will never be taken, however often it is sent.
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    return { ok: false, retry, error: `HTTP ${response.status}` };
  } catch (caught) {
    if (timedOut) return { ok: false, retry: true, error: `no answer within ${timeoutMs} ms` };
    if (signal.aborted) return { ok: false, retry: false, error: 'cancelled: the hub is stopping' };
    return { ok: false, retry: true, error: networkError(caught) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', cancel);
  }
}

/**
 * fetch refuses a URL with a user name or password in it, yet `https://user:pass@host/hook` is how
 * many receivers are configured: the credentials travel as Basic authorization instead.
 */
export function withoutCredentials(url: string): { href: string; authorization: string | null } {
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return { href: url, authorization: null };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return {
    href: parsed.href,
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  };
}

/** "network error ECONNREFUSED" rather than undici's "fetch failed": the cause is what a person can act on. */
function networkError(caught: unknown): string {
  const cause = caught instanceof Error ? caught.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return `network error ${cause.code}`;
  }
  return caught instanceof Error ? caught.message : 'network error';
}
