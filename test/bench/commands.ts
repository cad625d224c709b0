import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { connectConsole } from '../support/console-socket';
import { postJson, samplesDir, startHub } from '../support/hub';
import { type BenchRow, writeResult } from './results';
import { sleep, summarise } from './stats';

// Command round trip: one console sends a command over its socket; the time until a second
// console holds the resulting event (the confirmed state), and until the sender has its ack.

export async function benchCommands(): Promise<BenchRow[]> {
  const hub = await startHub();
  const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
  const sender = await connectConsole(hub.url);
  const watcher = await connectConsole(hub.url);
  await sender.hello({ clientId: 'sender', hubId: null, lastSeq: 0 });
  await watcher.hello({ clientId: 'watcher', hubId: null, lastSeq: 0 });
  const toAck: number[] = [];
  const toOtherConsole: number[] = [];
  try {
    for (let i = 0; i < 500; i++) {
      const started = performance.now();
      const answer = await sender.socket.timeout(10_000).emitWithAck('command', {
        commandId: ulid(),
        type: 'add_note',
        incidentId: 'INC-1',
        text: `note ${i}`,
      });
      toAck.push(performance.now() - started);
      if (!answer.ok) throw new Error(answer.error.message);
      await watcher.waitForSeq(answer.seq);
      toOtherConsole.push(performance.now() - started);
      await sleep(5);
    }
  } finally {
    sender.close();
    watcher.close();
    await hub.stop();
  }
  const ack = summarise(toAck);
  const other = summarise(toOtherConsole);
  const rows: BenchRow[] = [
    {
      benchmark: 'commands',
      case: 'add_note over the socket (500)',
      figure: 'send → ack, p50 / p99 ms',
      value: `${ack.p50} / ${ack.p99}`,
    },
    {
      benchmark: 'commands',
      case: 'add_note over the socket (500)',
      figure: 'send → event on a second console, p50 / p99 ms',
      value: `${other.p50} / ${other.p99}`,
    },
  ];
  writeResult('commands', rows, { toAck: ack, toOtherConsole: other });
  return rows;
}
