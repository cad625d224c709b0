import { benchChangesBefore } from './changes-before';
import { benchCheckpoint } from './checkpoint';
import { benchCluster } from './cluster';
import { benchCommands } from './commands';
import { benchDemoFirstMinute } from './demo-first-minute';
import { benchEscalationTimers } from './escalation-timers';
import { benchEventToScreen } from './event-to-screen';
import { benchExport } from './export';
import { benchFanout } from './fanout';
import { benchFilter } from './filter';
import { benchFilterCostOnly } from './filter-cost';
import { benchImpact } from './impact';
import { benchIngest } from './ingest';
import { benchKeystroke } from './keystroke';
import { benchMapRender } from './map-render';
import { benchOfflineCache } from './offline-cache';
import { benchPeerIngest } from './peer-alertmanager';
import { benchPeerLatency } from './peer-latency';
import { benchRender } from './render';
import type { BenchRow } from './results';
import { benchResumeDeliveries } from './resume-deliveries';
import { benchResync } from './resync';
import { benchSilence } from './silence';
import { benchSnapshotHerd } from './snapshot-herd';
import { benchSoak } from './soak';
import { benchStatistics } from './statistics';
import { benchStormReplay } from './storm-replay';
import { benchWallSoak } from './wall-soak';

// `npm run bench [name…]`: runs the benchmarks (all by default), writes bench/results/*.json and
// prints one table. Never part of `npm test`: figures, not pass/fail.

const benches: Record<string, () => Promise<BenchRow[]>> = {
  ingest: benchIngest,
  'event-to-screen': benchEventToScreen,
  'storm-replay': benchStormReplay,
  commands: benchCommands,
  export: benchExport,
  impact: benchImpact,
  'escalation-timers': benchEscalationTimers,
  'peer-ingest': benchPeerIngest,
  'peer-latency': benchPeerLatency,
  fanout: benchFanout,
  resync: benchResync,
  silence: benchSilence,
  soak: benchSoak,
  'offline-cache': benchOfflineCache,
  keystroke: benchKeystroke,
  filter: benchFilter,
  'filter-cost': benchFilterCostOnly,
  render: benchRender,
  'map-render': benchMapRender,
  statistics: benchStatistics,
  demo: benchDemoFirstMinute,
  'wall-soak': benchWallSoak,
  cluster: benchCluster,
  'changes-before': benchChangesBefore,
  'resume-deliveries': benchResumeDeliveries,
  checkpoint: benchCheckpoint,
  'snapshot-herd': benchSnapshotHerd,
};

// Benchmarks measure what the hub can take from one sender, so the per-source ingest and
// per-user command limits are set far above it: the checks still run (their cost is in the
// figures), they just never refuse. BENCH_RATE_LIMITS=default keeps the shipped limits.
if (process.env.BENCH_RATE_LIMITS !== 'default') {
  process.env.SITROOM_INGEST_RATE_LIMIT ??= '1000000000';
  process.env.SITROOM_COMMAND_RATE_LIMIT ??= '1000000000';
}

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(benches);
const rows: BenchRow[] = [];
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.error(`bench: ${name}…`);
  rows.push(...(await bench()));
}
console.table(rows.map((row) => ({ ...row, budget: row.budget ?? '' })));
