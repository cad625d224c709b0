import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DeliveryOptions, deliverJson } from '../../../../server/catalog/webhook-delivery';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/webhook-receiver';

// Delivery to a real receiver on loopback: retried while the receiver may recover, given up on a
// refusal that retrying cannot fix, and never saying the URL (it holds the secret).

const fast: DeliveryOptions = { attempts: 3, backoffMs: [10], timeoutMs: 2_000 };

let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
});

describe('webhook delivery', () => {
  it('posts JSON once when the receiver takes it', async () => {
    expect(await deliverJson(`${receiver.url}/ok`, { text: 'hi' }, fast)).toEqual({ ok: true, attempt: 1 });
    expect(receiver.posts).toEqual([{ path: '/ok', status: 200, body: { text: 'hi' } }]);
  });

  it('retries 5xx and 429 until it is taken', async () => {
    receiver.failNext('/flaky', 1, 503);
    receiver.failNext('/busy', 1, 429);
    expect(await deliverJson(`${receiver.url}/flaky`, {}, fast)).toEqual({ ok: true, attempt: 2 });
    expect(await deliverJson(`${receiver.url}/busy`, {}, fast)).toEqual({ ok: true, attempt: 2 });
  });

  it('gives up after the last try, naming the last status', async () => {
    receiver.failNext('/down', 5, 500);
    expect(await deliverJson(`${receiver.url}/down`, {}, fast)).toEqual({
      ok: false,
      attempt: 3,
      error: 'HTTP 500',
    });
  });

  it('does not retry a 4xx refusal', async () => {
    receiver.failNext('/gone', 5, 404);
    expect(await deliverJson(`${receiver.url}/gone`, {}, fast)).toEqual({
      ok: false,
      attempt: 1,
      error: 'HTTP 404',
    });
  });

  it('names a network failure without the URL', async () => {
    const url = `${receiver.url}/secret-token-path`;
    await receiver.close();
    const outcome = await deliverJson(url, {}, { ...fast, attempts: 2 });
    expect(outcome).toMatchObject({ ok: false, attempt: 2, error: 'network error ECONNREFUSED' });
    receiver = await startWebhookReceiver();
  });

  it('stops retrying when cancelled', async () => {
    receiver.failNext('/slow', 5, 503);
    const stop = new AbortController();
    const pending = deliverJson(`${receiver.url}/slow`, {}, { ...fast, backoffMs: [60_000] }, stop.signal);
    setTimeout(() => stop.abort(), 50);
    expect(await pending).toMatchObject({ ok: false, attempt: 1, error: expect.stringMatching(/cancelled/) });
  });
});
