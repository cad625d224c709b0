import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors';

// Request bodies, read strictly: JSON only (a form or text/plain POST from another site cannot
// pass, and a real JSON request from a browser needs a preflight the hub never answers), UTF-8
// only and decoded fatally (a stray byte is a 400, not a silent U+FFFD in an alert), bounded in
// size and in depth (a 10,000-deep custom_details would overflow the stack of whatever walks it).

/** Ingest bodies above this are refused with 413 (PagerDuty's own limit is 512 KB). */
export const MAX_BODY_BYTES = 512 * 1024;

/** No body the hub reads needs more nesting than this; PagerDuty custom_details included. */
export const MAX_JSON_DEPTH = 32;

export interface JsonBody {
  readonly value: unknown;
  /** The bytes as sent, for signature checks. */
  readonly raw: Buffer;
}

/** Reads a JSON body: 415 unless it says JSON in UTF-8, 413 past the limit, 400 when it does not parse. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  return (await readJsonBodyWithRaw(req, limit)).value;
}

export async function readJsonBodyWithRaw(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<JsonBody> {
  checkContentType(req.headers['content-type']);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  return { value: parseJson(raw), raw };
}

function checkContentType(header: string | undefined): void {
  const [type = '', ...parameters] = (header ?? '').split(';');
  if (type.trim().toLowerCase() !== 'application/json') {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Send the body as JSON with Content-Type: application/json.',
    );
  }
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=', 2).map((part) => part.trim().toLowerCase());
    if (
      name === 'charset' &&
      value.replace(/^"|"$/g, '') !== 'utf-8' &&
      value.replace(/^"|"$/g, '') !== 'utf8'
    ) {
      throw new HttpError(
        415,
        'unsupported_media_type',
        `The body must be UTF-8 (charset=utf-8), not charset=${value}.`,
      );
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses bytes as strict UTF-8 JSON no deeper than MAX_JSON_DEPTH. */
export function parseJson(raw: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new HttpError(400, 'invalid_encoding', 'The body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, 'invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const deep = tooDeep(value, MAX_JSON_DEPTH);
  if (deep !== null) {
    throw new HttpError(
      400,
      'too_deep',
      `${deep}: the body nests deeper than ${MAX_JSON_DEPTH} levels.`,
      deep,
    );
  }
  return value;
}

/** The path of the first value nested deeper than `max`, or null. Iterative: depth costs no stack. */
export function tooDeep(value: unknown, max: number): string | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number; path: string };
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= max) return item.path || '(body)';
    if (Array.isArray(item.value)) {
      for (const [index, child] of item.value.entries())
        stack.push({ value: child, depth: item.depth + 1, path: `${item.path}[${index}]` });
    } else {
      for (const key of Object.keys(item.value)) {
        const child = (item.value as Record<string, unknown>)[key];
        stack.push({ value: child, depth: item.depth + 1, path: item.path ? `${item.path}.${key}` : key });
      }
    }
  }
  return null;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'payload_too_large', `The body is larger than ${limit / 1024} KiB.`);
}
