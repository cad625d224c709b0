import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postBody } from '../../bench/http-client';

// The benchmarks' sender speaks HTTP/1.1 on plain sockets (test/bench/http-client.ts): it must
// send what node:http would, read whole answers, keep connections, and survive a server that
// closes a kept one.

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly type: string | undefined;
  readonly body: string;
  readonly socket: unknown;
}

let server: Server | null = null;

async function serve(answer: (req: IncomingMessage, res: ServerResponse, seen: Seen[]) => void) {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        type: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
        socket: req.socket,
      });
      answer(req, res, seen);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/ingest/alertmanager`,
    seen,
  };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

describe('the benchmarks’ sender', () => {
  it('posts the JSON body whole and resolves with the status once the answer is read', async () => {
    const big = '€'.repeat(50_000);
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'x'.repeat(100_000) }));
    });
    await expect(postBody(url, JSON.stringify({ big }))).resolves.toBe(503);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/ingest/alertmanager',
      type: 'application/json',
    });
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ big });
  });

  it('keeps a connection between posts, and opens one per post in flight', async () => {
    const { url, seen } = await serve((_req, res) => res.end('{}'));
    await postBody(url, '{"a":1}');
    await postBody(url, '{"a":2}');
    expect(seen[1]?.socket).toBe(seen[0]?.socket);
    await Promise.all([postBody(url, '{}'), postBody(url, '{}'), postBody(url, '{}')]);
    expect(new Set(seen.slice(2).map((one) => one.socket)).size).toBe(3);
  });

  it('sends again on a new connection when the server closed the kept one', async () => {
    const { url, seen } = await serve((_req, res) => res.end('{}'));
    await postBody(url, '{"n":1}');
    server?.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(postBody(url, '{"n":2}')).resolves.toBe(200);
    expect(seen.map((one) => one.body)).toEqual(['{"n":1}', '{"n":2}']);
  });

  it('reads an answer without a length to the close', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(202, { connection: 'close' });
      res.write('part one, ');
      res.end('part two');
    });
    await expect(postBody(url, '{}')).resolves.toBe(202);
  });
});
