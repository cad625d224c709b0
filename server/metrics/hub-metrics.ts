import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { HubEvent } from '../../shared/events';
import type { CommitStage } from '../store/event-log';
import type { FollowObserver } from '../store/postgres/log-follower';
import {
  CHANNELS,
  COMMAND_OUTCOMES,
  COMMAND_TYPES,
  closedLabel,
  EVENT_TYPES,
  type IngestSource,
  ingestOutcome,
  SOURCES,
} from './metric-labels';

// What the hub tells Prometheus about itself (GET /metrics, docs/metrics.md). One registry per
// hub, never prom-client's global one: several hubs run in one process in tests and embeddings,
// and each must report only its own work. Every label value comes from a closed set in our own
// code (metric-labels.ts), never from a request, so no sender can grow the series without bound.

/** Gauges read at scrape time from the running hub. */
export interface MetricSources {
  seq(): number;
  /** Bytes of the event log on disk; absent where the hub cannot tell (PostgreSQL). */
  readonly logBytes?: () => Promise<number>;
  consoles(): number;
  escalationsPending(): number;
  /** Events folded since the last snapshot, and when that snapshot was saved (ms) or null. */
  snapshot(): { readonly eventsBehind: number; readonly savedAt: number };
  storeUp(): boolean;
  leading(): boolean;
  now(): number;
}

export type ConfigReloadOutcome = 'applied' | 'invalid' | 'refused';

/** Finer at the bottom: a step of a commit or of following another hub is often well under 1 ms. */
const SECONDS_STEP = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
];

const SECONDS_FAST = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export class HubMetrics implements FollowObserver {
  readonly registry = new Registry();
  private sources: MetricSources | null = null;

  private readonly ingestRequests = new Counter({
    name: 'sitroom_ingest_requests_total',
    help: 'Deliveries from monitoring, by endpoint and how the hub answered.',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly ingestAlerts = new Counter({
    name: 'sitroom_ingest_alerts_total',
    help: 'Alerts in deliveries the hub read, by source and what each changed (fired, resolved, unchanged) or refused.',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly commitBatch = new Histogram({
    name: 'sitroom_commit_batch_size',
    help: 'Requests (deliveries, commands, the hub’s own work) written in one group commit.',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [this.registry],
  });
  private readonly commitSeconds = new Histogram({
    name: 'sitroom_commit_duration_seconds',
    help: 'Time from the start of a group commit until its events are durable and folded.',
    buckets: SECONDS_FAST,
    registers: [this.registry],
  });
  private readonly commitStageSeconds = new Histogram({
    name: 'sitroom_commit_stage_seconds',
    help: 'Steps of a group commit: queued (oldest request waiting for its commit to start), lock (PostgreSQL: connection, write lock and the read under it; SQLite: handing the batch to the writer thread and its write lock), write (PostgreSQL: plan and write; SQLite: the inserts), commit (COMMIT and its fsync), fold (folding the batch).',
    labelNames: ['stage'] as const,
    buckets: SECONDS_STEP,
    registers: [this.registry],
  });
  private readonly followStageSeconds = new Histogram({
    name: 'sitroom_follow_stage_seconds',
    help: 'Following the other hubs on PostgreSQL: notified (another hub sent its write → its notification here; both clocks), read (a read of the log), fold (folding the batch and handing it to the consoles).',
    labelNames: ['stage'] as const,
    buckets: SECONDS_STEP,
    registers: [this.registry],
  });
  private readonly followBatches = new Counter({
    name: 'sitroom_follow_batches_total',
    help: 'Batches of other hubs’ events folded, by where they came from: carried by the notification, or read from the log.',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  private readonly commitFailures = new Counter({
    name: 'sitroom_commit_failures_total',
    help: 'Group commits the store refused (nothing in them was stored).',
    registers: [this.registry],
  });
  private readonly eventsCommitted = new Counter({
    name: 'sitroom_events_committed_total',
    help: 'Events this hub wrote to the log, by event type.',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  private readonly broadcastSeconds = new Histogram({
    name: 'sitroom_broadcast_latency_seconds',
    help: 'Time from a committed event being folded until it is handed to the consoles’ sockets.',
    buckets: SECONDS_FAST,
    registers: [this.registry],
  });
  private readonly commands = new Counter({
    name: 'sitroom_commands_total',
    help: 'Operator commands (socket and HTTP), by type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly pagesSent = new Counter({
    name: 'sitroom_escalation_pages_total',
    help: 'Escalation levels paged by this hub (each page is one or more deliveries).',
    registers: [this.registry],
  });
  private readonly webhookDeliveries = new Counter({
    name: 'sitroom_webhook_deliveries_total',
    help: 'Tries to deliver a page or an impact notification, by channel, purpose and outcome (delivered, retrying, failed).',
    labelNames: ['channel', 'purpose', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly configReloads = new Counter({
    name: 'sitroom_config_reloads_total',
    help: 'Configuration reloads (SIGHUP or a changed file), by outcome.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly configLastReloadOk = new Gauge({
    name: 'sitroom_config_last_reload_successful',
    help: '1 when the last configuration reload was taken, 0 when the hub kept the previous one.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // prom-client names these gauges *_total, which promtool rejects; the same counts stay as
    // nodejs_active_handles / _requests / _resources, by type.
    for (const name of [
      'nodejs_active_handles_total',
      'nodejs_active_requests_total',
      'nodejs_active_resources_total',
    ])
      this.registry.removeSingleMetric(name);
    this.configLastReloadOk.set(1);
    this.scrapeGauges();
    // Series that should read 0 rather than be absent before the first event of their kind.
    for (const outcome of ['applied', 'invalid', 'refused'] as const) this.configReloads.inc({ outcome }, 0);
    this.commitFailures.inc(0);
    this.pagesSent.inc(0);
  }

  /** Connects the gauges read at scrape time to the running hub. */
  watch(sources: MetricSources): void {
    this.sources = sources;
    const logBytes = sources.logBytes;
    // PostgreSQL's size is the database's business (pg_total_relation_size); no series rather than a false 0.
    if (logBytes)
      this.gauge(
        'sitroom_event_log_size_bytes',
        'Size of the SQLite event log on disk (database and WAL).',
        () => logBytes(),
      );
  }

  /** Prometheus text exposition of everything above. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** A finished request on an ingest endpoint, by its HTTP status. */
  ingestAnswered(source: IngestSource, status: number): void {
    this.ingestRequests.inc({ source, outcome: ingestOutcome(status) });
  }

  /** A normalised delivery of `alerts` alerts: what they changed, or all refused when `events` is null. */
  alertsIngested(source: string, alerts: number, events: ReadonlyArray<HubEvent> | null): void {
    const label = closedLabel(source, SOURCES);
    if (events === null) {
      this.ingestAlerts.inc({ source: label, outcome: 'refused' }, alerts);
      return;
    }
    const fired = events.filter((event) => event.type === 'alert_fired').length;
    const resolved = events.filter((event) => event.type === 'alert_resolved').length;
    this.ingestAlerts.inc({ source: label, outcome: 'fired' }, fired);
    this.ingestAlerts.inc({ source: label, outcome: 'resolved' }, resolved);
    this.ingestAlerts.inc({ source: label, outcome: 'unchanged' }, Math.max(0, alerts - fired - resolved));
  }

  /** One group commit that reached the store: its size, how long it took, what it wrote. */
  committed(requests: number, seconds: number, events: ReadonlyArray<HubEvent>): void {
    this.commitBatch.observe(requests);
    this.commitSeconds.observe(seconds);
    for (const event of events) {
      this.eventsCommitted.inc({ type: closedLabel(event.type, EVENT_TYPES) });
      if (event.type === 'escalation_level_paged') this.pagesSent.inc();
      else if (event.type === 'notification_delivered' || event.type === 'notification_failed') {
        const outcome =
          event.type === 'notification_delivered' ? 'delivered' : event.retrying ? 'retrying' : 'failed';
        this.webhookDeliveries.inc({
          channel: closedLabel(event.channel, CHANNELS),
          purpose: event.level === undefined ? 'impact' : 'page',
          outcome,
        });
      }
    }
  }

  commitFailed(): void {
    this.commitFailures.inc();
  }

  commitStage(stage: CommitStage | 'queued' | 'fold', seconds: number): void {
    this.commitStageSeconds.observe({ stage }, seconds);
  }

  followStage(stage: 'notified' | 'read' | 'fold', seconds: number): void {
    this.followStageSeconds.observe({ stage }, seconds);
  }

  followed(source: 'notification' | 'log'): void {
    this.followBatches.inc({ source });
  }

  broadcast(seconds: number): void {
    this.broadcastSeconds.observe(seconds);
  }

  /** A command's answer; `type` is whatever the body said, kept only if it is a command we know. */
  command(type: unknown, outcome: string): void {
    this.commands.inc({
      type: closedLabel(type, COMMAND_TYPES),
      outcome: closedLabel(outcome, COMMAND_OUTCOMES),
    });
  }

  configReloaded(outcome: ConfigReloadOutcome): void {
    this.configReloads.inc({ outcome });
    this.configLastReloadOk.set(outcome === 'applied' ? 1 : 0);
  }

  /** A gauge read from the running hub at each scrape (0 until watch() connects it). */
  private gauge(name: string, help: string, read: (s: MetricSources) => number | Promise<number>): void {
    const sources = (): MetricSources | null => this.sources;
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        const from = sources();
        this.set(from ? await read(from) : 0);
      },
    });
  }

  private scrapeGauges(): void {
    this.gauge('sitroom_event_log_seq', 'The seq of the last event this hub has folded.', (s) => s.seq());
    this.gauge('sitroom_consoles_connected', 'Consoles connected to this hub’s live stream now.', (s) =>
      s.consoles(),
    );
    this.gauge('sitroom_escalations_pending', 'Escalations running now (incidents still being paged).', (s) =>
      s.escalationsPending(),
    );
    this.gauge(
      'sitroom_snapshot_events_behind',
      'Events folded since the last snapshot.',
      (s) => s.snapshot().eventsBehind,
    );
    this.gauge(
      'sitroom_snapshot_age_seconds',
      'Seconds since this hub last saved a snapshot, or since it started if it has saved none.',
      (s) => Math.max(0, (s.now() - s.snapshot().savedAt) / 1000),
    );
    this.gauge('sitroom_store_up', '1 while the store accepts commits, 0 while it is unavailable.', (s) =>
      s.storeUp() ? 1 : 0,
    );
    this.gauge(
      'sitroom_cluster_leader',
      '1 on the hub that runs escalations, notifications and snapshots.',
      (s) => (s.leading() ? 1 : 0),
    );
  }
}
