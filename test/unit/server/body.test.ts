import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { deepPath, readJsonBodyWithRaw, tooDeep } from '../../../server/http/body';
import { HttpError } from '../../../server/http/errors';

// Reading request bodies: whole, refused past the limit with an answer (as before), never
// left hanging when the sender goes away; and the quick depth check naming the same path as the
// walk that builds every value's path (as the check did before, and still does for a refusal).

describe('tooDeep', () => {
  it('names the same path as the walk that built every path', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 6 }), (text, max) => {
        const value: unknown = JSON.parse(JSON.stringify(text));
        expect(tooDeep(value, max)).toBe(deepPath(value, max));
      }),
      { numRuns: 3000 },
    );
  });

  it('walks a body nested far past the limit without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(tooDeep(deep, 32)).toBe(deepPath(deep, 32));
  });
});

describe('readJsonBodyWithRaw', () => {
  let server: Server | null = null;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = null;
  });

  /** A server whose every request is read with `limit`; resolves with what the read came to. */
  async function serve(limit: number): Promise<{ port: number; next: Promise<unknown> }> {
    let deliver: (outcome: unknown) => void = () => {};
    const next = new Promise<unknown>((resolve) => {
      deliver = resolve;
    });
    server = createServer((req: IncomingMessage, res) => {
      readJsonBodyWithRaw(req, limit).then(
        (body) => {
          deliver(body);
          res.end('ok');
        },
        (error: unknown) => {
          deliver(error);
          // As routes.ts answers a 413: the answer, then whatever is left of the body drained.
          if (error instanceof HttpError) {
            res.setHeader('connection', 'close');
            res.writeHead(error.status).end(error.code);
            req.resume();
          }
        },
      );
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return { port: address.port, next };
  }

  /** Sends raw HTTP/1.1 text; resolves with everything the server answered before closing. */
  function send(port: number, parts: ReadonlyArray<string>, endAfter = true): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      socket.on('error', () => resolve(answer));
      socket.on('close', () => resolve(answer));
      socket.on('connect', () => {
        for (const part of parts) socket.write(part);
        if (endAfter) setTimeout(() => socket.end(), 50);
        else setTimeout(() => socket.destroy(), 50);
      });
    });
  }

  const head = (extra: string) =>
    `POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${extra}\r\n`;

  it('reads a body sent in several chunks, with its bytes as sent', async () => {
    const { port, next } = await serve(1024);
    const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
    void send(port, [head('Transfer-Encoding: chunked\r\n'), chunk('{"a":'), chunk('[1,2]}'), '0\r\n\r\n']);
    const body = (await next) as { value: unknown; raw: Buffer };
    expect(body.value).toEqual({ a: [1, 2] });
    expect(body.raw.toString()).toBe('{"a":[1,2]}');
  });

  it('refuses a body past the limit that did not declare its size, and the sender hears why', async () => {
    const { port, next } = await serve(16);
    const text = 'x'.repeat(64);
    const answer = send(port, [
      head('Transfer-Encoding: chunked\r\n'),
      `${text.length.toString(16)}\r\n${text}\r\n`,
    ]);
    const outcome = await next;
    expect(outcome).toBeInstanceOf(HttpError);
    expect((outcome as HttpError).status).toBe(413);
    expect(await answer).toMatch(/^HTTP\/1\.1 413 .*payload_too_large/s);
  });

  it('gives up, rather than waiting for ever, when the sender goes away mid-body', async () => {
    const { port, next } = await serve(1024);
    void send(port, [head('Content-Length: 100\r\n'), '{"a":'], false);
    const outcome = await next;
    expect(outcome).toBeInstanceOf(Error);
    expect(outcome).not.toBeInstanceOf(HttpError);
  });
});
