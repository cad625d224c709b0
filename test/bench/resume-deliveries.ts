import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readUnfinished } from '../../server/cluster/read-unfinished';
import {
  DELIVERY_EVENT_TYPES,
  findUnfinished,
  LOOK_BACK_MS,
  type UnfinishedDeliveries,
} from '../../server/cluster/unfinished-deliveries';
import type { EventLog } from '../../server/store/event-log';
import { PgLog } from '../../server/store/postgres/pg-log';
import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import type { HubEvent } from '../../shared/events';
import { eventually, leaderAndFollower, startCluster } from '../support/cluster';
import { copyOfValidConfig, writeLadder } from '../support/config-folder';
import { danaPaged, danaReached } from '../support/delivery-events';
import { appendEvents } from '../support/event-logs';
import { postJson, samplesDir, tempDataDir } from '../support/hub';
import { postgresMissing, startPostgres } from '../support/postgres';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { scaled } from './proc';
import { type BenchRow, writeResult } from './results';
import { round, summarise } from './stats';

// What finishing a dead leader's deliveries costs (`npm run bench resume-deliveries`):
//   find      a new term's look for unfinished deliveries: the last 24 h of requests and
//             outcomes read in one query (eventsOfTypesSince with no limit) plus findUnfinished,
//             against readUnfinished's pages, with the longest event-loop block of each, in a
//             log of 200,000 events (alerts mostly) holding 5,000 pages with their outcomes
//             and 50 without; SQLite and PostgreSQL;
//   failover  two hubs on PostgreSQL, 20 pages held open by the receiver when the leader is
//             SIGKILLed: kill → the last of them delivered by the new leader.

const EVENTS = scaled(200_000, 20_000);
const PAGES = scaled(5_000, 500);
const UNFINISHED = 50;
const IN_FLIGHT = 20;
const RUNS = 20;

function history(now: number): HubEvent[] {
  const events: HubEvent[] = [];
  const system = { kind: 'system' } as const;
  const pageEvery = Math.floor(EVENTS / PAGES);
  for (let seq = 1; events.length < EVENTS; seq = events.length + 1) {
    const at = now - LOOK_BACK_MS + Math.floor((seq / EVENTS) * LOOK_BACK_MS) - 60_000;
    const incidentId = `INC-${seq % 500}`;
    if (seq % pageEvery === 0 && events.length + 2 < EVENTS) {
      events.push(danaPaged(seq, at, incidentId));
      if (Math.floor(seq / pageEvery) % Math.floor(PAGES / UNFINISHED) !== 0)
        events.push(danaReached(seq + 1, at + 1, incidentId, `${seq}.0`));
      continue;
    }
    events.push({ seq, at, actor: system, incidentId, type: 'note_added', text: `alert-ish event ${seq}` });
  }
  return events;
}

type ReadMode = 'one query' | 'paged';

interface FindFigures {
  readonly p50: number;
  readonly max: number;
  /** The longest the event loop was held during a read: p50 over the runs, and the worst. */
  readonly blockP50: number;
  readonly blockMax: number;
  readonly found: number;
}

async function readOnce(log: EventLog, now: number, mode: ReadMode): Promise<UnfinishedDeliveries> {
  if (mode === 'paged')
    return (await readUnfinished(log, {
      throughSeq: Number.MAX_SAFE_INTEGER,
      now,
      stillCurrent: () => true,
    })) as UnfinishedDeliveries;
  const events = await log.eventsOfTypesSince(
    DELIVERY_EVENT_TYPES,
    now - LOOK_BACK_MS,
    0,
    Number.MAX_SAFE_INTEGER,
  );
  return findUnfinished(events, Number.MAX_SAFE_INTEGER);
}

async function timeFind(log: EventLog, now: number, mode: ReadMode): Promise<FindFigures> {
  const times: number[] = [];
  const blocks: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    // A 1 ms timer's lateness is how long the event loop was held: what a console's message or an
    // ingest request would have waited.
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    // The monitor counts from its first tick (reset() starts that over): a block before it would
    // not be seen. The ticks of the wait are ~1 ms, below any block worth reporting.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    const unfinished = await readOnce(log, now, mode);
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
    delay.disable();
    blocks.push(delay.max / 1e6);
    found = unfinished.pages.filter(
      ({ request, finished }) => !finished.claim(`${request.seq}.0`, ''),
    ).length;
  }
  const summary = summarise(times);
  const block = summarise(blocks);
  return {
    p50: round(summary.p50, 1),
    max: round(summary.max, 1),
    blockP50: round(block.p50, 1),
    blockMax: round(block.max, 1),
    found,
  };
}

/** Both reads on the same log, one after the other, so they share the minutes' load. */
async function findRows(
  log: EventLog,
  now: number,
  store: string,
  name: string,
  details: Record<string, unknown>,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const mode of ['one query', 'paged'] as const) {
    const result = await timeFind(log, now, mode);
    details[`find ${store} ${mode}`] = result;
    rows.push(
      {
        benchmark: 'resume-deliveries',
        case: `${store}, ${mode}: ${name}`,
        figure: `term start: find the unfinished (found ${result.found}), p50 / max ms`,
        value: `${result.p50} / ${result.max}`,
      },
      {
        benchmark: 'resume-deliveries',
        case: `${store}, ${mode}: ${name}`,
        figure: 'longest event-loop block during the read, p50 / max ms',
        value: `${result.blockP50} / ${result.blockMax}`,
      },
    );
  }
  return rows;
}

async function fill(log: EventLog, events: ReadonlyArray<HubEvent>): Promise<void> {
  for (let i = 0; i < events.length; i += 5_000) await appendEvents(log, events.slice(i, i + 5_000), 1);
}

async function find(details: Record<string, unknown>): Promise<BenchRow[]> {
  const now = Date.now();
  const events = history(now);
  const rows: BenchRow[] = [];
  const pages = events.filter((event) => event.type === 'escalation_level_paged').length;
  const name = `${EVENTS} events in 24 h, ${pages} pages`;
  const dir = tempDataDir('sitroom-bench-resume-');
  const sqlite = new SqliteLog(dir);
  try {
    await fill(sqlite, events);
    rows.push(...(await findRows(sqlite, now, 'SQLite', name, details)));
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const missing = postgresMissing();
  if (missing) {
    console.error(`bench resume-deliveries: PostgreSQL skipped: ${missing}`);
    return rows;
  }
  const postgres = await startPostgres();
  try {
    const pgLog = await PgLog.open(await postgres.createDatabase('resume'), 'bench', () => {});
    try {
      await fill(pgLog, events);
      rows.push(...(await findRows(pgLog, now, 'PostgreSQL', name, details)));
    } finally {
      await pgLog.close();
    }
  } finally {
    postgres.destroy();
  }
  return rows;
}

async function failover(details: Record<string, unknown>): Promise<BenchRow[]> {
  if (postgresMissing()) return [];
  const receiver = await startWebhookReceiver();
  receiver.holdNext('/hooks/dana', IN_FLIGHT);
  const config = copyOfValidConfig({ webhookBase: receiver.url });
  writeLadder(config, ['{ notify: [user:dana], escalate_after_minutes: 60 }']);
  const cluster = await startCluster(2, { args: ['--config-dir', config] });
  try {
    const { leader, follower } = await leaderAndFollower(cluster);
    const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8'));
    for (let i = 0; i < IN_FLIGHT; i++) {
      const body = { ...firing, groupKey: `{}:{alertname="resume-${i}"}` };
      await postJson(`${follower.url}/api/v1/ingest/alertmanager`, body, {
        authorization: 'Bearer prom-dc1-token',
      });
    }
    await eventually(() => receiver.posts.length === IN_FLIGHT, 'every page held by the receiver');
    const killedAt = Date.now();
    await leader.kill('SIGKILL');
    const delivered: number[] = [];
    await eventually(
      () => {
        const done = receiver.posts.filter((post) => post.status === 200).length;
        while (delivered.length < done) delivered.push(Date.now() - killedAt);
        return done === IN_FLIGHT;
      },
      'every held page delivered by the new leader',
      60_000,
    );
    details.failover = { firstMs: delivered[0], lastMs: delivered[delivered.length - 1] };
    return [
      {
        benchmark: 'resume-deliveries',
        case: `leader SIGKILLed with ${IN_FLIGHT} pages in flight (2 hubs on PostgreSQL)`,
        figure: 'kill → first / last page delivered by the new leader, ms',
        value: `${delivered[0]} / ${delivered[delivered.length - 1]}`,
      },
    ];
  } finally {
    await cluster.destroy();
    await receiver.close();
  }
}

export async function benchResumeDeliveries(): Promise<BenchRow[]> {
  const details: Record<string, unknown> = {};
  const rows = [...(await find(details)), ...(await failover(details))];
  writeResult('resume-deliveries', rows, details);
  return rows;
}
