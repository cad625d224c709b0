import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SitroomConfig } from '../shared/config/types';
import { planEscalate } from '../shared/escalation/escalation-plans';
import { escalationsView } from '../shared/escalation/escalations-view';
import type { HubInfo } from '../shared/protocol';
import { RESOLVED_RETENTION_MS } from '../shared/retention';
import { LeaderWork } from './cluster/leader-work';
import { CommandService } from './commands/command-service';
import { configHash } from './config/config-hash';
import { loadHubConfig } from './config/hub-config';
import { removeDemoFolder } from './demo/demo-folder';
import { createDemoSession, type DemoMode, setUpDemo } from './demo/demo-session';
import { systemClock } from './escalation/clock';
import { healthOf } from './http/healthz';
import { listen } from './http/listen';
import { type RouteContext, route } from './http/routes';
import { countIngestAnswers, escalationsPending, sqliteBytes } from './metrics/hub-gauges';
import { HubMetrics } from './metrics/hub-metrics';
import type { HubOptions } from './options';
import { installFrontDoor } from './security/front-door';
import { HubGuard } from './security/hub-guard';
import { createHubServer } from './security/hub-server';
import { type OpenKey, openKeyFrom } from './security/open-key';
import { HubState } from './state';
import type { EventLog } from './store/event-log';
import { LogFolder } from './store/log-folder';
import { instanceId, openStore } from './store/open-store';
import { Snapshots } from './store/snapshots';
import { StoreHealth } from './store/store-health';
import { Writer } from './store/writer';
import { startSyncServer } from './sync/sync-server';

/**
 * Connections the kernel may hold for the hub before it accepts them. Alertmanager opens a
 * connection per notification in flight (no cap per host), so a storm against a busy hub opens
 * hundreds at once; past Node's default of 511 the kernel dropped them, and each sender retried
 * a second later (then three). Linux caps this at net.core.somaxconn (4096 on current kernels).
 */
const LISTEN_BACKLOG = 4096;

// The hub's composition root: storage, state, group-commit writer, HTTP and socket.io, demo, and
// with several hubs on one PostgreSQL, following the others and the leader's once-only work.

/** How often the hub lets go of long-resolved incidents. */
const EVICT_EVERY_MS = 10 * 60 * 1000;
/** Events read per step while catching up at start. */
const REPLAY_PAGE = 10_000;

export interface RunningHub {
  readonly info: HubInfo;
  /** Where the log is: the SQLite file, or the PostgreSQL URL without its password. */
  readonly store: string;
  /**
   * This hub process's name among the hubs sharing a log: /healthz's `instance`, `leader` and
   * `hubs` use it, and the ready record carries it, so an operator can tell which machine it is.
   */
  readonly instance: string;
  readonly server: Server;
  /** This run's open-mode key (used only while no users.yaml is loaded). */
  readonly openKey: OpenKey;
  /** The configuration the hub works from now. */
  config(): SitroomConfig;
  /** Reloads the configuration folder (SIGHUP). */
  reloadConfig(): Promise<void>;
  /**
   * Resolves once nothing is left to commit: what is queued is durable, and what that caused (an
   * escalation started, a page recorded) is too. For an embedding that drives its own clock.
   */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startHub(
  options: HubOptions,
  log: (line: string) => void = console.log,
): Promise<RunningHub> {
  const openKey = openKeyFrom(options.openKey);
  const metrics = new HubMetrics();
  const startedAs: DemoMode | null = options.drill ? 'drill' : options.demo ? 'demo' : null;
  // The demo without a folder of its own runs on a copy of examples/ (demo-session.ts).
  const demoSetup = startedAs !== null && !options.configDir ? await setUpDemo(log) : null;
  // A start refused before the demo session owns its copy of examples/ (--demo --host 0.0.0.0,
  // a store that cannot be opened) removes that copy, as a stop would: else every refused start
  // left a folder of example people in the temporary directory.
  const abandonDemo = async (error: unknown): Promise<never> => {
    if (demoSetup) {
      await demoSetup.receiver.close();
      await removeDemoFolder(demoSetup.folder);
    }
    throw error;
  };
  const hubConfig = await loadHubConfig(demoSetup?.folder ?? options.configDir, options.host, log, {
    open: demoSetup !== null,
    openKey: openKey.value,
    reloaded: (outcome) => metrics.configReloaded(outcome),
  }).catch(abandonDemo);
  const directory = hubConfig.directory;
  const clock = options.clock ?? systemClock;
  const instance = instanceId();
  const health = new StoreHealth(clock.now);
  const store = await openStore(options, instance, {
    configHash: () => configHash(hubConfig.current()),
    health,
    report: log,
    follow: metrics,
  }).catch(abandonDemo);
  const eventLog = store.log;
  const hubId = await eventLog.logId();
  const snapshot = await eventLog.latestSnapshot();
  const state = new HubState(snapshot?.incidents ?? [], snapshot?.seq ?? 0);
  const folder = new LogFolder(state, eventLog, log);
  await replay(folder, eventLog);
  // Incidents resolved longer ago than consoles keep them live only in the log from then on.
  const evictOldIncidents = (): void => {
    try {
      state.evictResolvedBefore(clock.now() - RESOLVED_RETENTION_MS);
    } catch (error) {
      log(`hub: letting go of old incidents failed: ${String(error)}`);
    }
  };
  evictOldIncidents();
  const evictionTimer = setInterval(evictOldIncidents, EVICT_EVERY_MS);
  evictionTimer.unref();

  const writer = new Writer(eventLog, folder, health, clock.now, metrics);
  // The console's address once the hub listens; messages link to incidents there unless
  // notifications.yaml names a public one.
  let ownConsoleUrl: string | null = null;
  const snapshots = new Snapshots(eventLog, state, snapshot?.seq ?? 0, log);
  const leaderWork = new LeaderWork({
    escalations: {
      writer,
      clock,
      incidents: () => state.incidents(),
      incident: (id) => state.incident(id),
      config: hubConfig.current,
      log,
      logId: hubId,
      ownConsoleUrl: () => ownConsoleUrl,
    },
    notifier: {
      writer,
      incident: (id) => state.incident(id),
      config: hubConfig.current,
      graph: () => directory().catalogGraph(),
      log,
      logId: hubId,
      ownConsoleUrl: () => ownConsoleUrl,
      // The hub's clock, as the requests' times are: a resumed request's age is measured on it.
      now: clock.now,
    },
    silences: {
      writer,
      config: hubConfig.current,
      userName: (id) => directory().userName(id),
      log,
      now: clock.now,
    },
    snapshots,
    store: eventLog,
    seq: () => state.seq,
    now: clock.now,
    log,
  });
  const commands = new CommandService(
    writer,
    directory,
    clock.now,
    (incident, level, actor, now) =>
      planEscalate(incident, level, actor, { config: hubConfig.current(), now }),
    (ids) => folder.recall(ids),
    (type, outcome) => metrics.command(type, outcome),
    hubConfig.current,
  );
  const { server, scheme } = createHubServer(options);
  const guard = new HubGuard({
    ...options,
    listenHost: options.host,
    ingestPerSecond: options.ingestRateLimit,
    commandsPerSecond: options.commandRateLimit,
  });
  const sync = startSyncServer(server, {
    log: eventLog,
    folder,
    health,
    state,
    hubId,
    directory,
    commands,
    guard,
    print: log,
    broadcastSent: (seconds) => metrics.broadcast(seconds),
    sharedLog: Boolean(options.databaseUrl),
  });
  hubConfig.onChange(() => sync.recheckSessions());
  folder.onFolded((events) => {
    sync.publish(events);
    leaderWork.onCommitted(events);
  });
  // Work refused while the store was unavailable (an escalation deadline that came due then) is
  // not lost: the leader starts its work afresh from the folded log once commits succeed again.
  health.onChange((status) => {
    if (!status.ok || !leaderWork.leading) return;
    log('hub: the store is back; restarting escalations from the log');
    void leaderWork.end().then(() => {
      if (store.coordination.isLeader()) leaderWork.begin();
    });
  });
  store.coordination.onLeadership((leading) => {
    log(leading ? 'hub: leading (escalations, notifications, snapshots run here)' : 'hub: no longer leading');
    if (leading) leaderWork.begin();
    else void leaderWork.end();
  });
  const demo = createDemoSession(
    { hubConfig, writer, state, commands, clock, log, startedAs, speed: options.demoSpeed },
    demoSetup,
  );

  let info: HubInfo | null = null;
  let ready = false;
  // One context for every request, made once: built per request it was an object and five
  // closures per webhook in a storm. Everything in it is read through functions at request time.
  const routes: RouteContext = {
    directory,
    config: hubConfig.current,
    commands,
    state,
    log: eventLog,
    folder,
    writer,
    demo,
    escalations: () => escalationsView(state.incidents(), hubConfig.current(), clock.now()),
    webDir: options.webDir,
    info: () => ({
      ...(info as HubInfo),
      openMode: hubConfig.current().openMode,
      demoRunning: demo.running,
      demoAvailable: demo.available(),
    }),
    health: () =>
      healthOf({
        ready,
        store: { kind: eventLog.kind, location: eventLog.location, status: health.status },
        cluster: store.coordination.describe(),
        configHash: configHash(hubConfig.current()),
        consoles: sync.consoles(),
      }),
    guard,
    metrics,
    alertsIngested: (source, alerts, events) => metrics.alertsIngested(source, alerts, events),
  };
  server.on('request', (req, res) => {
    // socket.io answers its own path; everything else is ours.
    if (req.url?.startsWith('/socket.io/')) return;
    void route(req, res, routes);
  });
  installFrontDoor(server, guard);
  // After the front door, so deliveries it refuses (rate limits) are counted too.
  countIngestAnswers(server, metrics);
  metrics.watch({
    seq: () => state.seq,
    ...(eventLog.kind === 'sqlite' ? { logBytes: () => sqliteBytes(eventLog.location) } : {}),
    consoles: () => sync.consoles(),
    escalationsPending: () => escalationsPending(state.incidents()),
    snapshot: () => ({ eventsBehind: snapshots.eventsBehind, savedAt: snapshots.savedAt }),
    storeUp: () => health.status.ok,
    leading: () => leaderWork.leading,
    now: () => Date.now(),
  });

  try {
    await listen(server, options.host, options.port, LISTEN_BACKLOG);
  } catch (error) {
    // Nothing was served, so the demo's copy of examples/ goes now, as it would at a stop.
    await demo.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const base = `${scheme}://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;
  ownConsoleUrl = `${base}/`;
  info = {
    hubId,
    consoleUrl: `${base}/`,
    ingest: {
      alertmanager: `${base}/api/v1/ingest/alertmanager`,
      pagerduty: `${base}/api/v1/ingest/pagerduty`,
      pagerdutyEnqueue: `${base}/v2/enqueue`,
    },
    openMode: hubConfig.current().openMode,
    demoRunning: false,
    demoAvailable: demo.available(),
  };
  store.coordination.start(folder);
  ready = true;
  if (startedAs !== null) await demo.play(startedAs);

  return {
    get info() {
      return { ...(info as HubInfo), demoRunning: demo.running, demoAvailable: demo.available() };
    },
    server,
    store: `${eventLog.kind} ${eventLog.location}`,
    instance,
    openKey,
    config: () => hubConfig.current(),
    reloadConfig: () => hubConfig.reload(),
    async idle() {
      for (let quiet = 0; quiet < 3; ) {
        const before = state.seq;
        await new Promise((resolve) => setImmediate(resolve));
        await leaderWork.escalations?.engine.whenIdle();
        await writer.drain();
        quiet = state.seq === before ? quiet + 1 : 0;
      }
    },
    async close() {
      hubConfig.close();
      clearInterval(evictionTimer);
      ready = false;
      await demo.close();
      const leading = leaderWork.leading;
      await leaderWork.end();
      await writer.drain();
      writer.close();
      // io.close() also closes the HTTP server, which waits for every open connection; browsers
      // keep idle keep-alive connections for minutes, so they are cut now rather than waited for.
      const closed = sync.close();
      server.closeAllConnections();
      await closed;
      snapshots.enabled = leading;
      await snapshots.saveIfBehind();
      snapshots.close();
      await store.coordination.close();
      await eventLog.close();
    },
  };
}

/** Folds what the log holds beyond the snapshot (or everything), a page at a time. */
async function replay(folder: LogFolder, log: EventLog): Promise<void> {
  for (;;) {
    const events = await log.eventsAfter(folder.seq, REPLAY_PAGE);
    if (events.length === 0) return;
    await folder.fold(events);
  }
}
