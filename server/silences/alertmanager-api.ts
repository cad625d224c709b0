import { z } from 'zod';
import type { AlertmanagerApi } from '../../shared/config/types';
import type { SilenceMatcher } from '../../shared/silences/matchers';

// Alertmanager's API v2, the part about silences: create, list (optionally by matcher), read one
// and expire. One request per call with a timeout; `withRetries` repeats the idempotent ones.
// Errors name the integration and what was refused, because the timeline shows them to people
// who have to fix either the silence or the integration.

export interface AlertmanagerTarget {
  /** integrations.yaml id, e.g. "prom-dc1". */
  readonly id: string;
  readonly api: AlertmanagerApi;
}

export interface ApiOptions {
  readonly timeoutMs: number;
  /** Tries in all for idempotent calls, at least 1. */
  readonly attempts: number;
  /** Wait before try 2, 3…; the last entry repeats. */
  readonly backoffMs: ReadonlyArray<number>;
  /** Where secrets named by the configuration are read from. */
  readonly env: NodeJS.ProcessEnv;
}

export const DEFAULT_API_OPTIONS: ApiOptions = {
  timeoutMs: 5_000,
  attempts: 3,
  backoffMs: [500, 2_000],
  env: process.env,
};

/** A refusal or failure from one Alertmanager; `transient` when trying again may work. */
export class AlertmanagerError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

const silenceSchema = z.object({
  id: z.string(),
  status: z.object({ state: z.string() }),
  matchers: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      isRegex: z.boolean(),
      isEqual: z.boolean().optional(),
    }),
  ),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
});

/** A silence as Alertmanager reports it. */
export type AlertmanagerSilence = z.infer<typeof silenceSchema>;

export interface NewSilence {
  readonly matchers: ReadonlyArray<SilenceMatcher>;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly createdBy: string;
  readonly comment: string;
}

/** Creates a silence once (no retry: a lost answer may have created it); its id. */
export async function createSilence(
  target: AlertmanagerTarget,
  silence: NewSilence,
  options: ApiOptions = DEFAULT_API_OPTIONS,
): Promise<string> {
  const body = {
    matchers: silence.matchers,
    startsAt: new Date(silence.startsAt).toISOString(),
    endsAt: new Date(silence.endsAt).toISOString(),
    createdBy: silence.createdBy,
    comment: silence.comment,
  };
  const answer = await request(target, 'POST', '/api/v2/silences', 'creating a silence', options, body);
  const parsed = z.object({ silenceID: z.string().min(1) }).safeParse(answer);
  if (!parsed.success)
    throw new AlertmanagerError(`${target.id} answered creating a silence without a silenceID`, false);
  return parsed.data.silenceID;
}

/** The silences Alertmanager knows (every state), those whose matchers include `filter` when given. */
export function listSilences(
  target: AlertmanagerTarget,
  filter: ReadonlyArray<SilenceMatcher> = [],
  options: ApiOptions = DEFAULT_API_OPTIONS,
): Promise<AlertmanagerSilence[]> {
  const query = filter.map((matcher) => `filter=${encodeURIComponent(filterText(matcher))}`).join('&');
  return withRetries(options, async () => {
    const answer = await request(
      target,
      'GET',
      `/api/v2/silences${query ? `?${query}` : ''}`,
      'listing silences',
      options,
    );
    const parsed = z.array(silenceSchema).safeParse(answer);
    if (!parsed.success)
      throw new AlertmanagerError(
        `${target.id} answered listing silences with something that is not a silence list`,
        false,
      );
    return parsed.data;
  });
}

/** One silence, or null when this Alertmanager does not know it. */
export function getSilence(
  target: AlertmanagerTarget,
  silenceId: string,
  options: ApiOptions = DEFAULT_API_OPTIONS,
): Promise<AlertmanagerSilence | null> {
  return withRetries(options, async () => {
    try {
      const answer = await request(
        target,
        'GET',
        `/api/v2/silence/${encodeURIComponent(silenceId)}`,
        `reading silence ${silenceId}`,
        options,
      );
      const parsed = silenceSchema.safeParse(answer);
      if (!parsed.success)
        throw new AlertmanagerError(
          `${target.id} answered reading silence ${silenceId} with something else`,
          false,
        );
      return parsed.data;
    } catch (error) {
      if (error instanceof AlertmanagerError && error.status === 404) return null;
      throw error;
    }
  });
}

/** Ends a silence now. Expiring one already expired is refused by Alertmanager; that is said. */
export function expireSilence(
  target: AlertmanagerTarget,
  silenceId: string,
  options: ApiOptions = DEFAULT_API_OPTIONS,
): Promise<void> {
  return withRetries(options, async () => {
    await request(
      target,
      'DELETE',
      `/api/v2/silence/${encodeURIComponent(silenceId)}`,
      `expiring silence ${silenceId}`,
      options,
    );
  });
}

/** Repeats `call` on transient failures, up to options.attempts tries. */
export async function withRetries<T>(options: ApiOptions, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (
        !(error instanceof AlertmanagerError) ||
        !error.transient ||
        attempt >= Math.max(1, options.attempts)
      )
        throw error;
      const wait = options.backoffMs[Math.min(attempt - 1, options.backoffMs.length - 1)] ?? 0;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** `name="value"` as Alertmanager's filter parameter reads it. */
function filterText(matcher: SilenceMatcher): string {
  const op = `${matcher.isEqual ? '=' : '!'}${matcher.isRegex ? '~' : matcher.isEqual ? '' : '='}`;
  return `${matcher.name}${op}${JSON.stringify(matcher.value)}`;
}

async function request(
  target: AlertmanagerTarget,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  what: string,
  options: ApiOptions,
  body?: unknown,
): Promise<unknown> {
  // A Headers object rather than a plain table: only our own header names go in.
  const headers = new Headers({ accept: 'application/json', 'user-agent': 'Sitroom' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  const authorization = authorizationFor(target, options.env);
  if (authorization) headers.set('authorization', authorization);
  const where = `${target.id} (${new URL(target.api.url).host})`;
  let response: Response;
  try {
    response = await fetch(`${target.api.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      // A redirect would carry the credentials elsewhere: not followed.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (caught) {
    const timedOut = caught instanceof Error && caught.name === 'TimeoutError';
    throw new AlertmanagerError(
      `${where} did not answer ${what}: ${timedOut ? `no answer within ${options.timeoutMs} ms` : networkError(caught)}`,
      true,
    );
  }
  const text = await response.text().catch(() => '');
  if (response.status >= 200 && response.status < 300) {
    if (text === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AlertmanagerError(`${where} answered ${what} with something that is not JSON`, false);
    }
  }
  // Alertmanager explains a refusal in its body ("silence … already expired", a bad matcher).
  const reason = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  const transient = response.status >= 500 || response.status === 408 || response.status === 429;
  throw new AlertmanagerError(
    `${where} refused ${what}: HTTP ${response.status}${reason ? ` ${reason}` : ''}`,
    transient,
    response.status,
  );
}

function authorizationFor(target: AlertmanagerTarget, env: NodeJS.ProcessEnv): string | null {
  const { tokenEnv, username, passwordEnv } = target.api;
  if (tokenEnv) return `Bearer ${env[tokenEnv] ?? ''}`;
  if (username && passwordEnv)
    return `Basic ${Buffer.from(`${username}:${env[passwordEnv] ?? ''}`).toString('base64')}`;
  return null;
}

/** "network error ECONNREFUSED" rather than undici's "fetch failed". */
function networkError(caught: unknown): string {
  const cause = caught instanceof Error ? caught.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string')
    return `network error ${cause.code}`;
  return caught instanceof Error ? caught.message : 'network error';
}
