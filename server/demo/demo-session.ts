import type { HubEvent } from '../../shared/events';
import type { CommandService } from '../commands/command-service';
import type { HubConfig } from '../config/hub-config';
import type { Clock } from '../escalation/clock';
import { ingestBatch } from '../http/ingest-routes';
import { recordChanges } from '../ingest/record-change';
import type { HubState } from '../state';
import type { Writer } from '../store/writer';
import { examplesDir, prepareDemoFolder, removeDemoFolder } from './demo-folder';
import { demoHistory } from './demo-history';
import { DemoPlayer } from './demo-player';
import { DemoReceiver } from './demo-receiver';

// The demo as a whole: the example configuration it runs on (a copy of examples/, its channels
// pointed at a receiver inside this process), two weeks of marked history for the statistics,
// and the scenario. `npm run hub -- --demo` (or --drill) sets it up at start; the console's
// "Play the demo" button sets it up on a hub started without a configuration folder. A hub
// running its organisation's own folder refuses the button: demo alerts there would page real
// people.

export type DemoMode = 'demo' | 'drill';

/** Why the demo cannot play here; the console shows the message. */
export class DemoUnavailable extends Error {}

/** The example folder and its receiver, made before the hub loads its configuration. */
export interface DemoSetup {
  readonly folder: string;
  readonly receiver: DemoReceiver;
}

export async function setUpDemo(log: (line: string) => void): Promise<DemoSetup> {
  const receiver = await DemoReceiver.start(log);
  const examples = examplesDir();
  const folder = await prepareDemoFolder(examples, receiver.url).catch(async (error: unknown) => {
    await receiver.close();
    throw new DemoUnavailable(`the example configuration (${examples}) cannot be read: ${String(error)}`);
  });
  log(
    `demo: configuration ${folder} (a copy of examples/, in open local mode; its paging and chat channels post to the demo receiver at ${receiver.url})`,
  );
  return { folder, receiver };
}

export interface DemoSessionDeps {
  readonly hubConfig: HubConfig;
  readonly writer: Pick<Writer, 'submit'>;
  readonly player: DemoPlayer;
  /** True while the event log holds nothing: only then is history written. */
  logIsEmpty(): boolean;
  now(): number;
  log(line: string): void;
  /** How the hub was started: with --demo, --drill, or neither. */
  readonly startedAs: DemoMode | null;
  /** Scenario seconds per real second in the demo (a drill is always 1×). */
  readonly speed: number;
}

export class DemoSession {
  private starting: Promise<'started' | 'already_running'> | null = null;

  constructor(
    private readonly deps: DemoSessionDeps,
    private setup: DemoSetup | null,
  ) {}

  get running(): boolean {
    return this.deps.player.running;
  }

  /** Whether play() may start: on a hub without a folder of its own, or one started as a demo. */
  available(): boolean {
    return this.deps.startedAs !== null || this.setup !== null || this.deps.hubConfig.folder() === null;
  }

  /** Sets the demo up if it is not yet, writes history into an empty log, and plays. */
  play(mode: DemoMode): Promise<'started' | 'already_running'> {
    this.starting ??= this.start(mode).finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  async close(): Promise<void> {
    this.deps.player.stop();
    await this.setup?.receiver.close();
    if (this.setup) await removeDemoFolder(this.setup.folder);
  }

  private async start(mode: DemoMode): Promise<'started' | 'already_running'> {
    if (this.running) return 'already_running';
    if (!this.available()) {
      throw new DemoUnavailable(
        `this hub runs on the configuration in ${this.deps.hubConfig.folder()}: demo alerts would page its people. Play the demo on a hub of its own: npm run hub -- --demo`,
      );
    }
    if (this.deps.hubConfig.folder() === null) {
      this.setup = await setUpDemo(this.deps.log);
      await this.deps.hubConfig.adopt(this.setup.folder);
    }
    if (this.deps.logIsEmpty()) await this.writeHistory();
    this.deps.player.play({ speed: mode === 'drill' ? 1 : this.deps.speed, scripted: mode === 'demo' });
    return 'started';
  }

  private async writeHistory(): Promise<void> {
    const config = this.deps.hubConfig.current();
    const now = this.deps.now();
    const events: HubEvent[] = await this.deps.writer.submit((view) =>
      demoHistory(config, now, view.newIncidentId),
    );
    const incidents = new Set(events.map((event) => event.incidentId)).size;
    this.deps.log(
      `demo: wrote ${incidents} past incidents of the last 14 days (marked as demo data) for the statistics`,
    );
  }
}

/** What the hub hands the demo: the parts it drives, as the hub's composition root has them. */
export interface DemoParts {
  readonly hubConfig: HubConfig;
  readonly writer: Writer;
  readonly state: Pick<HubState, 'openIncidentFor' | 'seq'>;
  readonly commands: Pick<CommandService, 'execute'>;
  readonly clock: Pick<Clock, 'now'>;
  log(line: string): void;
  readonly startedAs: DemoMode | null;
  readonly speed: number;
}

/** The hub's demo: alerts through ingest, people through the command path, history through the writer. */
export function createDemoSession(parts: DemoParts, setup: DemoSetup | null): DemoSession {
  const { hubConfig, writer, state, commands, clock, log } = parts;
  const player = new DemoPlayer({
    ingest: (batch) => ingestBatch(writer, batch),
    recordChanges: (changes) =>
      recordChanges(writer, { kind: 'integration', id: 'demo' }, changes, Date.now()),
    openIncidentFor: (groupKey) => state.openIncidentFor(groupKey),
    command: (body, user) => commands.execute(body, user),
    actionContext: () => ({
      config: hubConfig.current(),
      now: clock.now(),
      runbookSteps: (incident) => hubConfig.directory().runbookSteps(incident),
    }),
    log,
  });
  return new DemoSession(
    {
      hubConfig,
      writer,
      player,
      logIsEmpty: () => state.seq === 0,
      now: clock.now,
      log,
      startedAs: parts.startedAs,
      speed: parts.speed,
    },
    setup,
  );
}
