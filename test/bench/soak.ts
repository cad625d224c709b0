import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CachedBoard, Replica } from '../../shared/replica';
import { RESOLVED_RETENTION_MS } from '../../shared/retention';
import { createSocketTransport } from '../../shared/socket-transport';
import { repoRoot, startHub, tempDataDir } from '../support/hub';
import { freshGroup, groupAlerts, webhookBody } from './alert-bodies';
import { timedPost } from './load';
import { collectGarbage, rssMiB, scaled, slope } from './proc';
import { type BenchRow, writeResult } from './results';
import { round, sleep } from './stats';

// Soak: 1,000,000 events into the hub as fast as it takes them (BENCH_SCALE=0.02 → 20,000), in
// bodies of 100 alerts that fire and then resolve, so incidents open and close (202 events each).
// One console is connected: a real Replica over the socket transport in this process. Every
// 1/20th of the run we sample the hub's RSS (/proc) and live heap (after a full GC, through
// heap-probe.mjs), and this process's live heap. The figure is the least-squares slope in MB per
// 100k events over the samples after the first 20% (warm-up).
//
// The replica's clock runs a retention window (24 h) ahead, so it prunes every resolved incident
// on its next save: that is its steady state a day in, when incidents age out as fast as they
// open, and any growth left is a leak. The hub has no such pruning: HubState keeps every incident
// it has ever seen, so its slope is expected to be positive and is reported per incident too.

const TOTAL = scaled(1_000_000, 2_000);
const SENDERS = 8;
const EVENTS_PER_INCIDENT = 202; // opened + 100 fired + 100 resolved + incident_resolved

interface Sample {
  readonly events: number;
  readonly seconds: number;
  readonly hubRssMiB: number;
  readonly hubHeapMiB: number;
  readonly consoleHeapMiB: number;
  readonly consoleIncidents: number;
  readonly consoleLag: number;
}

async function hubHeapMiB(pid: number, file: string, sample: number): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  for (let tries = 0; tries < 200; tries++) {
    await sleep(10);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const usage = text ? (JSON.parse(text) as { sample: number; heapUsed: number }) : null;
    if (usage && usage.sample >= sample) return usage.heapUsed / 2 ** 20;
  }
  return Number.NaN;
}

export async function benchSoak(): Promise<BenchRow[]> {
  const heapFile = join(tempDataDir('sitroom-bench-heap-'), 'heap.json');
  const probe = pathToFileURL(join(repoRoot, 'test', 'bench', 'heap-probe.mjs')).href;
  const hub = await startHub({
    env: { NODE_OPTIONS: `--import ${probe}`, SITROOM_BENCH_HEAP_FILE: heapFile },
  });
  const hubPid = hub.process.pid as number;
  let saved = 0; // incidents in the replica's last saved board
  const replica = new Replica({
    clientId: 'soak',
    transport: createSocketTransport({ hubUrl: hub.url, token: () => hub.openKey }),
    storage: {
      load: async () => null,
      save: async (next: CachedBoard) => {
        saved = next.incidents.length;
      },
    },
    now: () => Date.now() + RESOLVED_RETENTION_MS + 60_000,
  });
  const url = `${hub.url}/api/v1/ingest/alertmanager`;
  const samples: Sample[] = [];
  const every = Math.ceil(TOTAL / 20);
  const started = performance.now();
  let events = 0;
  let sampling: Promise<void> | null = null;
  const takeSample = async (): Promise<void> => {
    // Its batched save prunes; writing it now makes every sample the state just after a save.
    replica.persistNow();
    collectGarbage();
    samples.push({
      events,
      seconds: round((performance.now() - started) / 1000, 1),
      hubRssMiB: round(rssMiB(hubPid), 1),
      hubHeapMiB: round(await hubHeapMiB(hubPid, heapFile, samples.length + 1), 1),
      consoleHeapMiB: round(process.memoryUsage().heapUsed / 2 ** 20, 1),
      consoleIncidents: Object.keys(replica.state.incidents).length,
      consoleLag: events - replica.state.seq,
    });
  };
  try {
    await replica.start();
    while (replica.connectionState.status !== 'live') await sleep(10);
    await takeSample();
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (events < TOTAL) {
          const group = freshGroup('soak');
          const alerts = groupAlerts(group, 100);
          await timedPost(url, webhookBody(group, alerts, 'firing'));
          await timedPost(url, webhookBody(group, alerts, 'resolved'));
          events += EVENTS_PER_INCIDENT;
          // One sample at a time; the other senders keep the hub busy meanwhile.
          if (!sampling && events >= samples.length * every) {
            sampling = takeSample().finally(() => {
              sampling = null;
            });
          }
        }
      }),
    );
    const ingestSeconds = (performance.now() - started) / 1000;
    const deadline = performance.now() + 60_000;
    while (replica.state.seq < events && performance.now() < deadline) await sleep(50);
    await sleep(1500); // the replica's batched save, which prunes
    await sampling;
    await takeSample();

    // The last sample comes after the drain, with no incident in flight: it is reported, not fitted.
    const after = samples.slice(0, -1).filter((s) => s.events >= TOTAL * 0.2);
    const per100k = (pick: (s: Sample) => number): number =>
      round(slope(after.map((s) => ({ x: s.events / 100_000, y: pick(s) }))), 2);
    const hubHeapSlope = per100k((s) => s.hubHeapMiB);
    const incidents = Math.round(events / EVENTS_PER_INCIDENT);
    const label = `${events} events (${incidents} incidents of 100 alerts, opened and resolved), 1 console`;
    const last = samples[samples.length - 1] as Sample;
    const rows: BenchRow[] = [
      { benchmark: 'soak', case: label, figure: 'ingest, events/s', value: round(events / ingestSeconds, 0) },
      {
        benchmark: 'soak',
        case: label,
        figure: 'hub RSS slope, MiB / 100k events',
        value: per100k((s) => s.hubRssMiB),
      },
      {
        benchmark: 'soak',
        case: label,
        figure: 'hub live heap slope, MiB / 100k events',
        value: hubHeapSlope,
      },
      {
        benchmark: 'soak',
        case: label,
        figure: 'hub live heap per retained incident, KiB (slope)',
        value: round((hubHeapSlope * 1024 * EVENTS_PER_INCIDENT) / 100_000, 1),
      },
      {
        benchmark: 'soak',
        case: label,
        figure: 'console (replica) live heap slope, MiB / 100k events',
        value: per100k((s) => s.consoleHeapMiB),
        budget: 'no growth trend',
      },
      {
        benchmark: 'soak',
        case: label,
        figure: 'hub RSS / heap, console heap at the end, MiB; console incidents; lag',
        value: `${last.hubRssMiB} / ${last.hubHeapMiB}, ${last.consoleHeapMiB}; ${last.consoleIncidents}; ${last.consoleLag}`,
      },
    ];
    writeResult('soak', rows, { total: events, senders: SENDERS, savedIncidents: saved, samples });
    return rows;
  } finally {
    replica.stop();
    await hub.stop();
  }
}
