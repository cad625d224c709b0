import { afterEach, describe, it } from 'vitest';
import { eventually, startCluster, type TestCluster } from '../support/cluster';
import type { RunningHub } from '../support/hub';
import { postgresMissing } from '../support/postgres';

// /healthz's `leader` on a hub that does not lead names the hub that does. Killed (SIGKILL), a
// leader's row in `hubs` goes on saying it leads, and stays fresh, for seconds after its
// successor's says so too; a follower reading the rows in name order named the dead hub for up
// to 10 s after the failover whenever the dead hub's name sorted first. The test arranges that
// order (the names are random) so it shows every time.

const missing = postgresMissing();
let cluster: TestCluster | null = null;
afterEach(async () => {
  await cluster?.destroy();
  cluster = null;
});

interface Health {
  readonly instance: string;
  readonly leader: string | null;
  readonly leading: boolean;
}

async function health(hub: RunningHub): Promise<Health> {
  return (await (await fetch(`${hub.url}/healthz`)).json()) as Health;
}

describe.skipIf(missing !== null)(`leader on /healthz${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('names the new leader, not the killed one, on the hub that follows', { timeout: 180_000 }, async () => {
    const running = await startCluster(1);
    cluster = running;
    // The leader is the first hub; the other two must sort after it. A first name low in the
    // order leaves room for them (the name is 12 hex digits).
    let leader = running.hubs[0] as RunningHub;
    for (let tries = 0; !/^[0-7]/.test((await health(leader)).instance); tries++) {
      if (tries > 20) throw new Error('no hub named below 8… in 20 starts');
      await leader.stop();
      leader = await running.addHub();
    }
    await eventually(async () => (await health(leader)).leading, 'the first hub leading');
    const dead = (await health(leader)).instance;
    const followers: RunningHub[] = [];
    for (let tries = 0; followers.length < 2; tries++) {
      if (tries > 40) throw new Error(`no two hubs named after ${dead} in 40 starts`);
      const hub = await running.addHub();
      if ((await health(hub)).instance > dead) followers.push(hub);
      else await hub.stop();
    }
    // Every hub has seen the leader's row, and the followers each other's.
    for (const hub of followers)
      await eventually(async () => (await health(hub)).leader === dead, 'the followers naming the leader');

    await leader.kill('SIGKILL');
    let successor: RunningHub | undefined;
    await eventually(async () => {
      for (const hub of followers) if ((await health(hub)).leading) successor = hub;
      return successor !== undefined;
    }, 'a follower leading');
    const next = (await health(successor as RunningHub)).instance;
    const other = followers.find((hub) => hub !== successor) as RunningHub;
    // One heartbeat (2 s) and slack for a busy machine: still inside the 8 s or more that the dead
    // hub's row stays fresh after the kill (its last heartbeat at most 2 s before it, of 10 s).
    let named: string | null = null;
    await eventually(
      async () => {
        named = (await health(other)).leader;
        return named === next;
      },
      () => `the other follower naming ${next}, not ${named} (${dead} was killed)`,
      4_000,
    );
  });
});
