import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  DELIVERY_EVENT_TYPES,
  findUnfinished,
  LOOK_BACK_MS,
} from '../../server/cluster/unfinished-deliveries';
import type { EventLog } from '../../server/store/event-log';
import { PgLog } from '../../server/store/postgres/pg-log';
import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import type { HubEvent } from '../../shared/events';
import { eventually, startCluster } from '../support/cluster';
import { copyOfValidConfig, writeLadder } from '../support/config-folder';
import { appendEvents } from '../support/event-logs';
import { postJson, type RunningHub, samplesDir, tempDataDir } from '../support/hub';
import { postgresMissing, startPostgres } from '../support/postgres';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { scaled } from './proc';
import { type BenchRow, writeResult } from './results';
import { round, summarise } from './stats';

// What finishing a dead leader's deliveries costs (`npm run bench resume-deliveries`):
//   find      a new term's look for unfinished deliveries: EventLog.eventsOfTypesSince over the
//             last 24 h plus findUnfinished, in a log of 200,000 events (alerts mostly) holding
//             5,000 pages with their outcomes and 50 without; SQLite and PostgreSQL;
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
      events.push({
        seq,
        at,
        actor: system,
        incidentId,
        type: 'escalation_level_paged',
        level: 1,
        cycle: 0,
        targets: ['dana'],
        teams: [],
        dueNext: null,
      });
      if (Math.floor(seq / pageEvery) % Math.floor(PAGES / UNFINISHED) !== 0)
        events.push({
          seq: seq + 1,
          at: at + 1,
          actor: system,
          incidentId,
          type: 'notification_delivered',
          channel: 'webhook',
          target: 'dana',
          host: 'paging.example.org',
          attempt: 1,
          level: 1,
          deliveryId: `${seq}.0`,
        });
      continue;
    }
    events.push({ seq, at, actor: system, incidentId, type: 'note_added', text: `alert-ish event ${seq}` });
  }
  return events;
}

async function timeFind(log: EventLog, now: number): Promise<{ p50: number; max: number; found: number }> {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const events = await log.eventsOfTypesSince(DELIVERY_EVENT_TYPES, now - LOOK_BACK_MS);
    const unfinished = findUnfinished(events, Number.MAX_SAFE_INTEGER);
    times.push(performance.now() - started);
    found = unfinished.pages.filter(
      ({ request, finished }) => !finished.claim(`${request.seq}.0`, ''),
    ).length;
  }
  const summary = summarise(times);
  return { p50: round(summary.p50, 1), max: round(summary.max, 1), found };
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
    const result = await timeFind(sqlite, now);
    details['find sqlite'] = result;
    rows.push({
      benchmark: 'resume-deliveries',
      case: `SQLite: ${name}`,
      figure: `term start: find the unfinished (found ${result.found}), p50 / max ms`,
      value: `${result.p50} / ${result.max}`,
    });
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
      const result = await timeFind(pgLog, now);
      details['find postgresql'] = result;
      rows.push({
        benchmark: 'resume-deliveries',
        case: `PostgreSQL: ${name}`,
        figure: `term start: find the unfinished (found ${result.found}), p50 / max ms`,
        value: `${result.p50} / ${result.max}`,
      });
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
    let leader: RunningHub | undefined;
    await eventually(async () => {
      for (const hub of cluster.hubs) {
        const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { leading: boolean };
        if (health.leading) leader = hub;
      }
      return leader !== undefined;
    }, 'a leader');
    const follower = cluster.hubs.find((hub) => hub !== leader) as RunningHub;
    const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8'));
    for (let i = 0; i < IN_FLIGHT; i++) {
      const body = { ...firing, groupKey: `{}:{alertname="resume-${i}"}` };
      await postJson(`${follower.url}/api/v1/ingest/alertmanager`, body, {
        authorization: 'Bearer prom-dc1-token',
      });
    }
    await eventually(() => receiver.posts.length === IN_FLIGHT, 'every page held by the receiver');
    const killedAt = Date.now();
    await (leader as RunningHub).kill('SIGKILL');
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
