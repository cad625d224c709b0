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
  const raw = await readRaw(req, limit);
  return { value: parseJson(raw), raw };
}

/**
 * The body's bytes, from 'data' events: an async iterator over the request cost a generator, a
 * promise per chunk and an end-of-stream watcher, a few per cent of the hub's CPU in a storm.
 */
function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (req.destroyed) return Promise.reject(prematureClose());
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => void new BodyRead(req, limit, resolve, reject));
}

/**
 * One body being read. Its listeners are bound methods, not closures named in place: under tsx
 * (esbuild's keepNames) every named closure costs a defineProperty when it is made, about 0.5 µs
 * each, and a request's five were the largest share of that in a storm.
 */
class BodyRead {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly onData: (chunk: Buffer) => void;
  private readonly onEnd: () => void;
  private readonly onError: (error: Error) => void;
  private readonly onClose: () => void;

  constructor(
    private readonly req: IncomingMessage,
    private readonly limit: number,
    private readonly resolve: (body: Buffer) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.onData = this.data.bind(this);
    this.onEnd = this.end.bind(this);
    this.onError = this.settle.bind(this);
    this.onClose = this.close.bind(this);
    req.on('data', this.onData);
    req.on('end', this.onEnd);
    req.on('error', this.onError);
    req.on('close', this.onClose);
  }

  private data(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      // The rest flows on unread (the listener is gone, the stream keeps flowing): the
      // connection stays for the 413, as it did when the iterator let go of the request.
      this.settle(tooLarge(this.limit));
      return;
    }
    this.chunks.push(chunk);
  }

  private end(): void {
    // A webhook's body nearly always arrives as one chunk, a buffer of its own: taken as it is,
    // not copied into another.
    const only = this.chunks.length === 1 ? this.chunks[0] : undefined;
    this.settle(null, only ?? Buffer.concat(this.chunks, this.size));
  }

  private close(): void {
    this.settle(prematureClose());
  }

  private settle(error: unknown, body?: Buffer): void {
    this.req.off('data', this.onData);
    this.req.off('end', this.onEnd);
    this.req.off('error', this.onError);
    this.req.off('close', this.onClose);
    if (body) this.resolve(body);
    else this.reject(error);
  }
}

/** What reading a request that went away before its end says (the stream's own error). */
function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
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

/** The path of the first value nested deeper than `max`, or null. */
export function tooDeep(value: unknown, max: number): string | null {
  // Nearly every body is shallow: a walk that builds no paths says so; the paths are only worked
  // out for a body that is refused.
  return nestsDeeper(value, 0, max) ? deepPath(value, max) : null;
}

/** Whether an object or array sits at depth `max` or below. Recursion stops at `max`. */
function nestsDeeper(value: unknown, depth: number, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= max) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (nestsDeeper(child, depth + 1, max)) return true;
    return false;
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && nestsDeeper((value as Record<string, unknown>)[key], depth + 1, max))
      return true;
  }
  return false;
}

/** The path tooDeep names, walking every value and building its path. Iterative: depth costs no stack. */
export function deepPath(value: unknown, max: number): string | null {
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
