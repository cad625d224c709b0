import { startHub, tempDataDir } from '../support/hub';
import { configFolder, openIncidents, readPages, startReceiver } from './escalation-setup';
import { type BenchRow, writeResult } from './results';
import { round, sleep, summarise } from './stats';

// Escalation deadlines at scale, on the real hub process: 10,000 incidents each with a running
// escalation whose level 2 falls due about the same time. Timer lateness is the page's `at` minus
// the deadline its previous page recorded (dueNext), both by the hub's clock, so it includes
// queueing in the group commit. Notification latency is deadline to the webhook arriving at a
// loopback receiver. A second case kills the hub before the deadlines and restarts it after:
// every missed level must be paged once, and we measure how long the catch-up takes.

const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 10_000);
const LEVEL_1_MINUTES = Number(process.env.BENCH_ESCALATION_MINUTES ?? 0.25);

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(100);
}

async function runLive(details: Record<string, unknown>): Promise<BenchRow[]> {
  const receiver = await startReceiver();
  const dataDir = tempDataDir('sitroom-bench-esc-');
  const hub = await startHub({
    dataDir,
    args: ['--config-dir', configFolder(receiver.url, LEVEL_1_MINUTES)],
  });
  try {
    const ingestSeconds = await openIncidents(hub, ESCALATIONS);
    if (ingestSeconds > LEVEL_1_MINUTES * 60) {
      console.error(
        `bench: ingest took ${ingestSeconds}s, longer than the deadline; raise BENCH_ESCALATION_MINUTES`,
      );
    }
    await waitFor(() => receiver.arrivals.size >= ESCALATIONS, LEVEL_1_MINUTES * 60_000 + 120_000);
  } finally {
    await hub.stop();
    await receiver.close();
  }
  const { deadlines, level2 } = await readPages(dataDir);
  const lateness: number[] = [];
  const delivery: number[] = [];
  for (const [id, due] of deadlines) {
    const page = level2.get(id)?.[0];
    if (page) lateness.push(page.at - due);
    const arrived = receiver.arrivals.get(id);
    if (arrived !== undefined) delivery.push(arrived - due);
  }
  const late = summarise(lateness);
  const notified = summarise(delivery);
  const duplicates = [...level2.values()].filter((pages) => pages.length > 1).length;
  // All of them fall due within the time ingest took: a storm, the hardest case for delivery.
  const spread = round((Math.max(...deadlines.values()) - Math.min(...deadlines.values())) / 1000, 1);
  const label = `${ESCALATIONS} active escalations, due within ${spread} s`;
  details.live = {
    deadlineSpreadSeconds: spread,
    escalations: ESCALATIONS,
    paged: lateness.length,
    duplicates,
    lateness: late,
    notification: notified,
  };
  return [
    {
      benchmark: 'escalation-timers',
      case: label,
      figure: 'timer lateness p50 / p99 / max ms',
      value: `${late.p50} / ${late.p99} / ${late.max}`,
      budget: 'p99 < 1000 ms',
    },
    {
      benchmark: 'escalation-timers',
      case: label,
      figure: 'deadline → webhook received p50 / p99 ms',
      value: `${notified.p50} / ${notified.p99}`,
    },
    {
      benchmark: 'escalation-timers',
      case: label,
      figure: 'level 2 paged / duplicates',
      value: `${lateness.length} / ${duplicates}`,
    },
  ];
}

async function runCatchUp(details: Record<string, unknown>): Promise<BenchRow[]> {
  const receiver = await startReceiver();
  const dataDir = tempDataDir('sitroom-bench-esc-');
  const configDir = configFolder(receiver.url, LEVEL_1_MINUTES);
  const first = await startHub({ dataDir, args: ['--config-dir', configDir] });
  await openIncidents(first, ESCALATIONS);
  await sleep(1000); // let the level-1 pages commit
  await first.kill('SIGKILL');
  // Only escalations whose deadline was in the log at the kill count: one opened in the last
  // instant gets its level 1 on restart, with a fresh deadline, as it should.
  const { deadlines } = await readPages(dataDir);
  await sleep(Math.max(0, Math.max(...deadlines.values()) - Date.now() + 1000));

  const restartedAt = Date.now();
  const second = await startHub({ dataDir, args: ['--config-dir', configDir] });
  const readyAt = Date.now();
  try {
    await waitFor(() => [...deadlines.keys()].every((id) => receiver.arrivals.has(id)), 120_000);
  } finally {
    await second.stop();
    await receiver.close();
  }
  const { level2 } = await readPages(dataDir);
  const missed = [...deadlines.keys()].map((id) => level2.get(id) ?? []);
  const pagedAt = missed.flatMap((pages) => pages.slice(0, 1).map((page) => page.at));
  const duplicates = missed.filter((pages) => pages.length > 1).length;
  const received = [...deadlines.keys()].flatMap((id) => receiver.arrivals.get(id) ?? []);
  const allPaged = round((Math.max(...pagedAt) - readyAt) / 1000);
  const allReceived = round((Math.max(...received) - readyAt) / 1000);
  details.catchUp = {
    escalations: deadlines.size,
    startSeconds: round((readyAt - restartedAt) / 1000),
    allPagedSeconds: allPaged,
    allReceivedSeconds: allReceived,
    paged: pagedAt.length,
    duplicates,
  };
  return [
    {
      benchmark: 'escalation-timers',
      case: `restart after ${deadlines.size} deadlines passed`,
      figure: 'ready → all paged / all webhooks received, s',
      value: `${allPaged} / ${allReceived}`,
    },
    {
      benchmark: 'escalation-timers',
      case: `restart after ${deadlines.size} deadlines passed`,
      figure: 'level 2 paged / duplicates',
      value: `${pagedAt.length} / ${duplicates}`,
    },
  ];
}

/** Timer lateness and paging latency with 10,000 running escalations, live and after downtime. */
export async function benchEscalationTimers(): Promise<BenchRow[]> {
  const details: Record<string, unknown> = {};
  const rows = [...(await runLive(details)), ...(await runCatchUp(details))];
  writeResult('escalation-timers', rows, details);
  return rows;
}
