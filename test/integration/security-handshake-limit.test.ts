import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectConsole } from '../support/console-socket';
import { type RunningHub, startHub } from '../support/hub';

// The socket.io handshake is a door of its own: a page (or a script) opening sockets in a loop
// must meet 429 with Retry-After from the real hub's front door, not an ever-growing set of
// engine.io sessions. Other doors stay open for that address meanwhile.

let hub: RunningHub;

beforeAll(async () => {
  hub = await startHub();
}, 60_000);

afterAll(async () => {
  await hub?.stop();
});

describe('socket.io handshakes from one address', () => {
  it('are refused with 429 and Retry-After past the burst, and nothing else is', async () => {
    // Sent at once, so a slow machine's refill (10 a second) cannot absorb the excess.
    const answers = await Promise.all(
      Array.from({ length: 400 }, () => fetch(`${hub.url}/socket.io/?EIO=4&transport=polling`)),
    );
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(300);
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused[0]?.json()).toMatchObject({ error: { code: 'rate_limited' } });
    await Promise.all(answers.filter((answer) => !answer.bodyUsed).map((answer) => answer.body?.cancel()));

    // The API is another door: still open to this address.
    expect((await hub.api('/api/v1/session')).status).toBe(200);
    // The burst refills: a console connects again within a few seconds.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const console1 = await connectConsole(hub.url);
    console1.close();
  }, 60_000);
});
