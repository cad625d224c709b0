import type { ServerResponse } from 'node:http';
import { z } from 'zod';

// Every error a client of the hub sees has one shape, naming the offending field where there is one:
// {"error":{"code":"…","message":"…","path":"…"}}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    /** Sent with the answer, e.g. Retry-After on a 429. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

/** 429 with Retry-After: the sender is told when to try again rather than hammering on. */
export function tooManyRequests(message: string, retryAfterSeconds: number): HttpError {
  return new HttpError(429, 'rate_limited', `${message} Try again in ${retryAfterSeconds} s.`, undefined, {
    'retry-after': String(retryAfterSeconds),
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** The one error body, also the OpenAPI document's Error schema (openapi.ts). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z
      .string()
      .describe('Stable, machine-readable: invalid_body, unauthorized, not_found, rate_limited, …'),
    message: z.string().describe('For people: says what was wrong and what to do.'),
    path: z.string().optional().describe('The offending field or query parameter, e.g. alerts[0].startsAt.'),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ErrorBody['error'] = { code: error.code, message: error.message };
  if (error.path !== undefined) body.path = error.path;
  const answer: ErrorBody = { error: body };
  sendJson(res, error.status, answer, error.headers ? { ...error.headers } : {});
}

/** The first schema violation as a 400 naming its field, e.g. `alerts[0].startsAt`. */
export function validationError(error: z.ZodError): HttpError {
  const issue = error.issues[0];
  if (!issue) return new HttpError(400, 'invalid_body', 'The body is not valid.');
  const path = formatPath(issue.path);
  const where = path ? `${path}: ` : '';
  return new HttpError(400, 'invalid_body', `${where}${issue.message}`, path || undefined);
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
