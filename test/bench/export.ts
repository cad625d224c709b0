import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { connectConsole } from '../support/console-socket';
import { postJson, samplesDir, startHub } from '../support/hub';
import { type BenchRow, writeResult } from './results';
import { round, summarise } from './stats';

// Export time for an incident with 10,000 timeline events, each format, through the hub's
// endpoints (so it includes reading the events back from SQLite and sending them).

const FORMATS = ['md', 'csv', 'json', 'html'] as const;

export async function benchExport(): Promise<BenchRow[]> {
  const hub = await startHub();
  const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
  const console1 = await connectConsole(hub.url);
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  try {
    const notes = Array.from({ length: 9_997 }, (_, i) =>
      console1.socket.timeout(60_000).emitWithAck('command', {
        commandId: ulid(),
        type: 'add_note',
        incidentId: 'INC-1',
        text: `Note ${i}: checked pg-${i % 5}, lag ${i % 300}s, "quoted", comma, <b>markup</b>`,
      }),
    );
    await Promise.all(notes);
    for (const format of FORMATS) {
      const times: number[] = [];
      let bytes = 0;
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        const response = await hub.api(`/api/v1/incidents/INC-1/timeline.${format}?tz=Europe/Berlin`);
        bytes = (await response.arrayBuffer()).byteLength;
        times.push(performance.now() - started);
      }
      const summary = summarise(times);
      details[format] = { ...summary, bytes };
      rows.push({
        benchmark: 'export',
        case: `10,000 events, ${format}`,
        figure: 'response time p50 / max ms (5 runs), size',
        value: `${summary.p50} / ${summary.max} ms, ${round(bytes / 1024 / 1024, 1)} MiB`,
      });
    }
  } finally {
    console1.close();
    await hub.stop();
  }
  writeResult('export', rows, details);
  return rows;
}
