import { ulid } from 'ulid';
import { afterEach, it } from 'vitest';
import { connectWorkerClient } from '../../renderer/web/worker/worker-client';
import { createWorkerHost, type WorkerHost } from '../../renderer/web/worker/worker-host';
import { type BoardState, INITIAL_BOARD, interpretPatches } from '../../shared/feed/board-interpreter';
import { freePort, newOpenKey, type RunningHub, startHub, tempDataDir } from '../support/hub';
import { until } from '../support/until';

// The browser console's worker and the token its pages hand it. A hub in open mode makes a new
// key at each start, so after a restart every tab's live stream is refused ("unauthorized") and
// socket.io stops retrying; opening the link the hub prints (#token=…) in a new tab is how an
// operator gets the console back. That tab's hello carries the new key to the shared worker.

const hubs: RunningHub[] = [];
const workers: WorkerHost[] = [];
const ports: MessagePort[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) worker.stop();
  for (const port of ports.splice(0)) port.close();
  await Promise.all(hubs.splice(0).map((hub) => hub.kill()));
});

it('reconnects the shared worker when a new tab brings the restarted hub’s new key', async () => {
  const dataDir = tempDataDir();
  const port = await freePort();
  let hub = await startHub({ dataDir, port, openKey: newOpenKey() });
  hubs.push(hub);
  const worker = createWorkerHost({ log: () => {} });
  workers.push(worker);
  const clientId = ulid();
  const tab = (token: string | null) => {
    const channel = new MessageChannel();
    ports.push(channel.port1, channel.port2);
    worker.connect(channel.port1);
    const client = connectWorkerClient(channel.port2, { hubUrl: hub.url, clientId, token });
    const seen = { state: INITIAL_BOARD as BoardState };
    client.subscribe(
      (batch) => {
        seen.state = interpretPatches(seen.state, batch, Date.now());
      },
      { incidentId: null, user: null },
    );
    return seen;
  };
  const first = tab(hub.openKey);
  await until(() => first.state.connection.status === 'live', 'the first tab live');

  await hub.kill();
  hub = await startHub({ dataDir, port, openKey: newOpenKey() });
  hubs.push(hub);
  await until(() => first.state.connection.reason === 'unauthorized', 'the old key refused');

  const second = tab(hub.openKey);
  await until(
    () => second.state.connection.status === 'live' && first.state.connection.status === 'live',
    'both tabs live on the new key',
    20_000,
  );
}, 60_000);
