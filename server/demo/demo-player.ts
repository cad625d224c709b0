import type { Change } from '../../shared/changes/change';
import type { CommandAnswer } from '../../shared/commands';
import type { Alert, Incident } from '../../shared/domain';
import type { User } from '../../shared/roles';
import type { IngestBatch } from '../ingest/batch';
import { type DemoActionContext, demoCommands } from './demo-actions';
import { demoChanges } from './demo-changes';
import { type AlertStep, DEMO_SCENARIO, type DemoStep } from './scenario';

// Plays the scenario: what changed before it (recorded as change events), its alerts through the
// same ingest path as real monitoring, and (in the
// demo, not in a drill) the example people's actions through the same command path as a
// console. `speed` compresses the scenario's time; the hub's escalation deadlines stay real.

export interface DemoPlayerDeps {
  ingest(batch: IngestBatch): Promise<unknown>;
  /** The open incident of a group key, if any. */
  openIncidentFor(groupKey: string): Incident | undefined;
  command(body: unknown, user: User): Promise<CommandAnswer>;
  actionContext(): DemoActionContext;
  /** Records what changed just before the outage (deploys, config), as CI would have reported it. */
  recordChanges?(changes: ReadonlyArray<Change>): Promise<unknown>;
  log(line: string): void;
}

export interface DemoRun {
  /** Scenario seconds per real second. */
  readonly speed: number;
  /** The example people act (the demo); false leaves every action to people at consoles (a drill). */
  readonly scripted: boolean;
}

export class DemoPlayer {
  private timers: Array<ReturnType<typeof setTimeout>> = [];
  private runs = 0;
  /** Steps run one after another, so an action never overtakes the alert it answers. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: DemoPlayerDeps) {}

  get running(): boolean {
    return this.timers.length > 0;
  }

  /** Starts a run unless one is already playing. */
  play(run: DemoRun, scenario: ReadonlyArray<DemoStep> = DEMO_SCENARIO): boolean {
    if (this.running) return false;
    const runId = `${Date.now().toString(36)}-${++this.runs}`;
    // When each alert first fired, so a resolved alert keeps its real start.
    const firstFired = new Map<string, number>();
    const steps = run.scripted ? scenario : scenario.filter((step) => step.kind === 'alerts');
    let remaining = steps.length;
    // First, what changed before it broke: the incidents will show it (drills too: finding the
    // cause is part of the exercise).
    const recording = this.deps.recordChanges?.(demoChanges(runId, Date.now()));
    this.queue = this.queue.then(async () => {
      await recording?.catch((error: unknown) =>
        this.deps.log(`demo: recording changes failed: ${String(error)}`),
      );
    });
    for (const step of steps) {
      const timer = setTimeout(
        () => {
          remaining -= 1;
          if (remaining === 0) this.timers = [];
          this.queue = this.queue.then(() =>
            this.runStep(step, runId, firstFired).catch((error: unknown) =>
              this.deps.log(`demo: step at ${step.atSeconds}s failed: ${String(error)}`),
            ),
          );
        },
        (step.atSeconds * 1000) / run.speed,
      );
      this.timers.push(timer);
    }
    this.deps.log(
      run.scripted
        ? `demo: playing the outage at ${run.speed}× with the example people answering`
        : 'demo: drill: playing the outage at 1×; the people at the consoles answer it',
    );
    return true;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  private async runStep(step: DemoStep, runId: string, firstFired: Map<string, number>): Promise<void> {
    if (step.kind === 'alerts') {
      await this.deps.ingest(demoBatch(step, runId, Date.now(), firstFired));
      return;
    }
    const incident = this.deps.openIncidentFor(groupKeyOf(runId, step.group));
    if (!incident) return; // someone at a console already resolved it: nothing left to do
    const commands = demoCommands(step.action, incident, this.deps.actionContext());
    if (typeof commands === 'string') {
      this.deps.log(`demo: skipped: ${commands}`);
      return;
    }
    for (const { user, body } of commands) {
      const answer = await this.deps.command(body, user);
      // A refusal is part of a live demo (someone at a console got there first); say so and go on.
      if (!answer.ok) this.deps.log(`demo: ${user.name}'s ${body.type} was refused: ${answer.error.message}`);
    }
  }
}

const groupKeyOf = (runId: string, group: string): string => `demo:${runId}:${group}`;

/** The batch one alert step delivers, as if monitoring had sent it at `now`. */
export function demoBatch(
  step: AlertStep,
  runId: string,
  now: number,
  firstFired: Map<string, number>,
): IngestBatch {
  for (const alert of step.alerts) if (!firstFired.has(alert.id)) firstFired.set(alert.id, now);
  return {
    source: 'demo',
    actor: { kind: 'integration', id: 'demo' },
    groupKey: groupKeyOf(runId, step.group),
    title: step.title,
    receivedAt: now,
    alerts: step.alerts.map(
      (alert): Alert => ({
        fingerprint: `demo-${runId}-${alert.id}`,
        source: 'demo',
        status: alert.status,
        title: alert.summary,
        severity: alert.severity,
        service: alert.service,
        labels: {
          alertname: step.title.split(' on ')[0] ?? step.title,
          service: alert.service,
          instance: alert.instance,
          demo: 'true',
        },
        annotations: { summary: alert.summary },
        links: [],
        startsAt: firstFired.get(alert.id) ?? now,
        endsAt: alert.status === 'resolved' ? now : null,
      }),
    ),
  };
}
