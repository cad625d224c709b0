import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SitroomConfig } from '../shared/config/types';
import type { HubEvent } from '../shared/events';
import type { HubInfo } from '../shared/protocol';
import { applyEvents } from '../shared/reducer';
import { RESOLVED_RETENTION_MS } from '../shared/retention';
import { ImpactNotifier } from './catalog/impact-notifier';
import { CommandService } from './commands/command-service';
import { loadHubConfig } from './config/hub-config';
import { DemoPlayer } from './demo/demo-player';
import { systemClock } from './escalation/clock';
import { createEscalations } from './escalation/escalations';
import { ingestBatch } from './http/ingest-routes';
import { route } from './http/routes';
import type { HubOptions } from './options';
import { installFrontDoor } from './security/front-door';
import { HubGuard } from './security/hub-guard';
import { createHubServer } from './security/hub-server';
import { type OpenKey, openKeyFrom } from './security/open-key';
import { HubState } from './state';
import { EventStore } from './store/event-store';
import { Writer } from './store/writer';
import { startSyncServer } from './sync/sync-server';

// The hub's composition root: storage, state, group-commit writer, HTTP and socket.io, demo.

/** Snapshot the folded state after this many events, so restarts replay little. */
const SNAPSHOT_EVERY_EVENTS = 100_000;
/**
 * Writing a snapshot serialises every incident the hub holds and blocks the event loop for as
 * long (hundreds of ms for a big board), so it waits for a quiet second; only a hub that never
 * pauses gets one mid-stream, after this many events.
 */
const SNAPSHOT_QUIET_MS = 1000;
const SNAPSHOT_FORCED_EVENTS = 1_000_000;
/** How often the hub lets go of long-resolved incidents. */
const EVICT_EVERY_MS = 10 * 60 * 1000;

export interface RunningHub {
  readonly info: HubInfo;
  readonly server: Server;
  /** This run's open-mode key (used only while no users.yaml is loaded). */
  readonly openKey: OpenKey;
  /** The configuration the hub works from now. */
  config(): SitroomConfig;
  /** Reloads the configuration folder (SIGHUP). */
  reloadConfig(): Promise<void>;
  close(): Promise<void>;
}

export async function startHub(
  options: HubOptions,
  log: (line: string) => void = console.log,
): Promise<RunningHub> {
  const openKey = openKeyFrom(options.openKey);
  const hubConfig = await loadHubConfig(options.configDir, options.host, log, openKey.value);
  const directory = hubConfig.directory;
  const store = new EventStore(options.dataDir);
  const hubId = store.hubId();
  const snapshot = store.latestSnapshot();
  const clock = options.clock ?? systemClock;
  const fromLog = (id: string) => {
    const events = store.eventsOfIncident(id);
    return events.length === 0 ? undefined : applyEvents({}, events)[id];
  };
  const state = new HubState(snapshot?.incidents ?? [], snapshot?.seq ?? 0, fromLog);
  state.apply(store.eventsAfter(state.seq));
  // Incidents resolved longer ago than consoles keep them live only in the log from then on.
  const evictOldIncidents = (): void => {
    state.evictResolvedBefore(clock.now() - RESOLVED_RETENTION_MS);
  };
  evictOldIncidents();
  const evictionTimer = setInterval(evictOldIncidents, EVICT_EVERY_MS);
  evictionTimer.unref();
  let eventsSinceSnapshot = state.seq - (snapshot?.seq ?? 0);

  let snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  const saveSnapshot = (): void => {
    if (snapshotTimer) clearTimeout(snapshotTimer);
    snapshotTimer = null;
    store.saveSnapshot({ seq: state.seq, incidents: [...state.incidents()] });
    eventsSinceSnapshot = 0;
  };
  // The writer publishes to the sync server, which in turn takes commands to the writer; the
  // late binding of `publish` breaks that circle.
  let publish: (events: ReadonlyArray<HubEvent>) => void = () => {};
  const writer = new Writer(
    store,
    state,
    (events) => {
      publish(events);
      notifier.onCommitted(events);
      escalations.onCommitted(events);
      eventsSinceSnapshot += events.length;
      if (eventsSinceSnapshot >= SNAPSHOT_FORCED_EVENTS) setImmediate(saveSnapshot);
      else if (eventsSinceSnapshot >= SNAPSHOT_EVERY_EVENTS) {
        if (snapshotTimer) clearTimeout(snapshotTimer);
        snapshotTimer = setTimeout(saveSnapshot, SNAPSHOT_QUIET_MS);
        snapshotTimer.unref();
      }
    },
    clock.now,
  );
  const notifier = new ImpactNotifier({
    writer,
    incident: (id) => state.incident(id),
    config: hubConfig.current,
    graph: () => directory().catalogGraph(),
    log,
  });
  const escalations = createEscalations({
    writer,
    clock,
    incidents: () => state.incidents(),
    incident: (id) => state.incident(id),
    config: hubConfig.current,
    log,
  });
  const commands = new CommandService(writer, directory, clock.now, escalations.planEscalate);
  const { server, scheme } = createHubServer(options);
  const guard = new HubGuard({
    ...options,
    listenHost: options.host,
    ingestPerSecond: options.ingestRateLimit,
    commandsPerSecond: options.commandRateLimit,
  });
  const sync = startSyncServer(server, { store, state, hubId, directory, commands, guard, log });
  publish = sync.publish;
  hubConfig.onChange(() => sync.recheckSessions());
  const demo = new DemoPlayer((batch) => ingestBatch(writer, batch), options.demoSpeed, log);

  let info: HubInfo | null = null;
  let ready = false;
  server.on('request', (req, res) => {
    // socket.io answers its own path; everything else is ours.
    if (req.url?.startsWith('/socket.io/')) return;
    void route(req, res, {
      directory,
      config: hubConfig.current,
      commands,
      state,
      store,
      writer,
      demo,
      escalations: escalations.view,
      webDir: options.webDir,
      info: () => ({
        ...(info as HubInfo),
        openMode: hubConfig.current().openMode,
        demoRunning: demo.running,
      }),
      isReady: () => ready,
      guard,
    });
  });
  installFrontDoor(server, guard);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const base = `${scheme}://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;
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
  };
  escalations.start();
  ready = true;
  if (options.demo) demo.play();

  return {
    get info() {
      return { ...(info as HubInfo), demoRunning: demo.running };
    },
    server,
    openKey,
    config: () => hubConfig.current(),
    reloadConfig: () => hubConfig.reload(),
    async close() {
      hubConfig.close();
      clearInterval(evictionTimer);
      ready = false;
      demo.stop();
      await notifier.close();
      await escalations.close();
      writer.flush();
      // io.close() also closes the HTTP server, which waits for every open connection; browsers
      // keep idle keep-alive connections for minutes, so they are cut now rather than waited for.
      const closed = sync.close();
      server.closeAllConnections();
      await closed;
      if (eventsSinceSnapshot > 0) saveSnapshot();
      store.close();
    },
  };
}
