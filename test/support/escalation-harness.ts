import { ulid } from 'ulid';
import { directoryFrom } from '../../server/auth/config-directory';
import { CommandService } from '../../server/commands/command-service';
import { OPEN_CONFIG } from '../../server/config/open-config';
import {
  createEscalations,
  type Escalations,
  type EscalationsDeps,
} from '../../server/escalation/escalations';
import { ingestBatch } from '../../server/http/ingest-routes';
import type { IngestBatch } from '../../server/ingest/batch';
import type { PagerDeps } from '../../server/notify/pager';
import { HubState } from '../../server/state';
import type { EventLog } from '../../server/store/event-log';
import { LogFolder } from '../../server/store/log-folder';
import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import { StoreHealth } from '../../server/store/store-health';
import { Writer } from '../../server/store/writer';
import type { CommandAnswer } from '../../shared/commands';
import type { ConfiguredUser, SitroomConfig } from '../../shared/config/types';
import type { Incident, Severity } from '../../shared/domain';
import type { HubEvent } from '../../shared/events';
import type { Role } from '../../shared/roles';
import type { FakeClock } from './fake-clock';
import { alert, batch } from './fixtures';

// The hub's escalation machinery on a real SQLite event log and the real writer, with a clock
// the test moves: everything startHub wires for escalations, minus HTTP. `reopen` opens a second
// harness on the same data directory, as a restarted hub would. Opening is synchronous for the
// tests' sake: the replay of the log runs behind `ready`, which every asynchronous step awaits.

export const MINUTE = 60_000;

const person = (id: string, role: Role, webhook: string | null = null): ConfiguredUser => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  role,
  tokenSha256: '0'.repeat(64),
  email: null,
  webhook,
});

/** A configuration with four people, a team, a catalog of two services, and what the test adds. */
export function escalationConfig(extra: Partial<SitroomConfig> = {}): SitroomConfig {
  return {
    ...OPEN_CONFIG,
    openMode: false,
    users: [
      person('alice', 'operator'),
      person('bob', 'operator'),
      person('dana', 'commander'),
      person('eve', 'admin'),
    ],
    teams: [{ id: 'sre', name: 'SRE', members: ['alice', 'bob'], notify: [] }],
    services: [
      {
        id: 'db',
        name: 'DB',
        team: 'sre',
        tier: 1,
        dependsOn: [],
        runbook: null,
        match: { labels: {}, pagerdutyComponents: [], pagerdutySources: [] },
      },
      {
        id: 'web',
        name: 'Web',
        team: 'sre',
        tier: 2,
        dependsOn: ['db'],
        runbook: null,
        match: { labels: {}, pagerdutyComponents: [], pagerdutySources: [] },
      },
    ],
    ...extra,
  };
}

export interface EscalationHarness {
  readonly clock: FakeClock;
  readonly state: HubState;
  readonly escalations: Escalations;
  /** Every event committed by this harness, in order. */
  readonly committed: ReadonlyArray<HubEvent>;
  /** Opens an incident through the real ingest path; returns its id. */
  open(groupKey: string, fields?: { service?: string; severity?: Severity }): Promise<string>;
  /** Delivers any batch through the real ingest path (resolutions, PagerDuty acknowledge). */
  ingest(delivery: IngestBatch): Promise<void>;
  command(
    userId: string,
    type: string,
    incidentId: string,
    fields?: Record<string, unknown>,
  ): Promise<CommandAnswer>;
  incident(id: string): Incident;
  /** The incident's events in the log (read at open, so they survive restarts), optionally of one type. */
  events(incidentId: string, type?: HubEvent['type']): HubEvent[];
  settle(): Promise<void>;
  /** Like a clean stop: timers off, the queue flushed, the log closed. */
  close(): Promise<void>;
  /** Like kill -9: timers and deliveries just stop; nothing more is written. */
  crash(): void;
}

export interface HarnessOptions {
  readonly dataDir: string;
  readonly config: SitroomConfig;
  readonly clock: FakeClock;
  readonly delivery?: Pick<PagerDeps, 'retry' | 'post'>;
}

/** What the escalations need of a hub, as startHub wires them: its writer, clock, state and config. */
export function escalationDeps(
  writer: Writer,
  clock: FakeClock,
  state: HubState,
  config: SitroomConfig,
  delivery?: Pick<PagerDeps, 'retry' | 'post'>,
): EscalationsDeps {
  return {
    writer,
    clock,
    incidents: () => state.incidents(),
    incident: (id) => state.incident(id),
    config: () => config,
    log: () => {},
    ...(delivery ? { delivery } : {}),
  };
}

export function openHarness(options: HarnessOptions): EscalationHarness {
  const { clock, config } = options;
  const store = new SqliteLog(options.dataDir, () => {});
  let crashed = false;
  // After crash() nothing more reaches the file, as after kill -9.
  const gated: EventLog = Object.assign(Object.create(store) as SqliteLog, {
    commit: (...args: Parameters<EventLog['commit']>) =>
      crashed ? Promise.reject(new Error('crashed')) : store.commit(...args),
  });
  const state = new HubState([], 0);
  const folder = new LogFolder(state, store);
  const committed: HubEvent[] = [];
  let escalations: Escalations | null = null;
  folder.onFolded((events) => {
    committed.push(...events);
    escalations?.onCommitted(events);
  });
  const writer = new Writer(gated, folder, new StoreHealth(clock.now), clock.now);
  const live = createEscalations(escalationDeps(writer, clock, state, config, options.delivery));
  escalations = live;
  const directory = directoryFrom(config);
  const commands = new CommandService(
    writer,
    () => directory,
    clock.now,
    live.planEscalate,
    (ids) => folder.recall(ids),
  );
  const ready = store.eventsAfter(0, Number.MAX_SAFE_INTEGER).then(async (history) => {
    escalations = null; // the history is folded quietly, as a starting hub does
    await folder.fold(history);
    escalations = live;
    live.start();
  });
  // Commits go through the writer thread, and what they cause (a page, its delivery's outcome)
  // commits again: settled once a few turns in a row commit nothing new.
  const settle = async (): Promise<void> => {
    await ready;
    for (let quiet = 0, i = 0; quiet < 4 && i < 100; i++) {
      const before = committed.length;
      await new Promise((resolve) => setImmediate(resolve));
      await live.engine.whenIdle();
      await writer.drain();
      quiet = committed.length === before ? quiet + 1 : 0;
    }
  };
  clock.settleWith(settle);

  return {
    clock,
    state,
    escalations: live,
    committed,
    async open(groupKey, fields = {}) {
      await ready;
      const service = fields.service ?? 'db';
      const events = (await ingestBatch(
        writer,
        batch(groupKey, [alert(`${groupKey}-1`, { service, severity: fields.severity ?? 'sev2' })], {
          receivedAt: clock.now(),
        }),
      )) as HubEvent[];
      await settle();
      return events[0]?.incidentId ?? '';
    },
    async ingest(delivery) {
      await ready;
      await ingestBatch(writer, delivery);
      await settle();
    },
    async command(userId, type, incidentId, fields = {}) {
      const user = config.users.find((candidate) => candidate.id === userId);
      if (!user) throw new Error(`no user ${userId}`);
      await ready;
      const answer = await commands.execute(
        { commandId: ulid(), type, incidentId, ...fields },
        { id: user.id, name: user.name, role: user.role },
      );
      await settle();
      return answer;
    },
    incident(id) {
      const incident = state.incident(id);
      if (!incident) throw new Error(`no incident ${id}`);
      return incident;
    },
    events: (incidentId, type) =>
      committed.filter(
        (event) => event.incidentId === incidentId && (type === undefined || event.type === type),
      ),
    settle,
    async close() {
      await ready;
      await live.close();
      await writer.drain();
      writer.close();
      await store.close();
    },
    crash() {
      crashed = true;
      escalations = null;
      writer.close();
      void live.close();
      void ready.then(() => store.close());
    },
  };
}
