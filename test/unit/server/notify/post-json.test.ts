import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJsonOnce } from '../../../../server/notify/post-json';

// A receiver configured as https://user:pass@host/hook must get its page: fetch refuses such a
// URL outright, so the credentials have to travel as a Basic Authorization header.

const received: Array<{ url: string; authorization: string | undefined; body: string }> = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    received.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
    res.writeHead(req.headers.authorization === undefined ? 401 : 204).end();
  });
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('one webhook POST', () => {
  it('sends a URL’s user name and password as Basic authorization, not in the URL', async () => {
    const result = await postJsonOnce(
      `http://noc%40example:s%3Acret@127.0.0.1:${port}/hook?x=1`,
      '{"page":1}',
      5_000,
      new AbortController().signal,
    );
    expect(result).toEqual({ ok: true });
    const last = received.at(-1);
    expect(last?.url).toBe('/hook?x=1');
    expect(last?.body).toBe('{"page":1}');
    expect(Buffer.from(last?.authorization?.replace(/^Basic /, '') ?? '', 'base64').toString()).toBe(
      'noc@example:s:cret',
    );
  });

  it('sends no Authorization to a URL without credentials', async () => {
    const result = await postJsonOnce(
      `http://127.0.0.1:${port}/hook`,
      '{}',
      5_000,
      new AbortController().signal,
    );
    expect(result).toEqual({ ok: false, retry: false, error: 'HTTP 401' });
  });
});
