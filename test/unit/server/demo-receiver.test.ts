import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DemoReceiver } from '../../../server/demo/demo-receiver';
import { postJsonOnce } from '../../../server/notify/post-json';

// The demo's receiver takes the hub's deliveries (the hub's own sender, postJsonOnce) and nothing
// a web page can send it: a page the operator visits can find a loopback port and POST text/plain
// without a preflight, or reach it under a DNS-rebound name. It must not be able to write
// "paged" lines into the hub's log.

let receiver: DemoReceiver | null = null;
const logged: string[] = [];
afterEach(async () => {
  await receiver?.close();
  receiver = null;
  logged.length = 0;
});

/** A POST with the headers a browser would send, over a real socket. */
function postAs(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the demo receiver', () => {
  it("takes the hub's own delivery", async () => {
    receiver = await DemoReceiver.start((line) => logged.push(line));
    const sent = await postJsonOnce(
      `${receiver.url}/paging.example.org/people/dana`,
      JSON.stringify({ text: '[SEV1] INC-1: pages Dana' }),
      5_000,
      new AbortController().signal,
    );
    expect(sent).toEqual({ ok: true });
    expect(receiver.received().map((message) => message.text)).toEqual(['[SEV1] INC-1: pages Dana']);
  });

  it('refuses a post from a web page (an Origin) and one under another host name', async () => {
    receiver = await DemoReceiver.start((line) => logged.push(line));
    const forged = JSON.stringify({ text: '[SEV1] forged: pages nobody' });
    const fromPage = await postAs(
      `${receiver.url}/paging.example.org/people/raj`,
      { 'content-type': 'text/plain', origin: 'http://evil.example' },
      forged,
    );
    const rebound = await postAs(
      `${receiver.url}/paging.example.org/people/raj`,
      { 'content-type': 'text/plain', host: `rebind.evil.example:${new URL(receiver.url).port}` },
      forged,
    );
    expect([fromPage, rebound]).toEqual([403, 403]);
    expect(receiver.received()).toEqual([]);
    expect(logged).toEqual([]);
  });
});
