import type { CommandRejection } from '../../shared/commands';
import type { SitroomConfig } from '../../shared/config/types';
import type { Actor, Incident } from '../../shared/domain';
import { planEscalate } from '../../shared/escalation/escalation-plans';
import { type EscalationsResponse, escalationsView } from '../../shared/escalation/escalations-view';
import type { HubEvent, NewEvent } from '../../shared/events';
import { Pager, type PagerDeps } from '../notify/pager';
import type { Writer } from '../store/writer';
import type { Clock } from './clock';
import { EscalationEngine } from './escalation-engine';

// The hub's escalation part in one piece for the composition root: the engine that pages levels
// on time, the pager that delivers each page, the `escalate` command's planner and the
// GET /api/v1/escalations view, all on the same clock and the live configuration.

export interface EscalationsDeps {
  readonly writer: Pick<Writer, 'submit'>;
  readonly clock: Clock;
  incidents(): Iterable<Incident>;
  incident(id: string): Incident | undefined;
  config(): SitroomConfig;
  log(line: string): void;
  /** The log's identity, for the pages' Idempotency-Key. */
  readonly logId?: string;
  /** Delivery tuning for tests; production pages with PAGE_RETRY over the network. */
  readonly delivery?: Pick<PagerDeps, 'retry' | 'post' | 'mailer'>;
  /** The hub's own console address, for the incident link when notifications.yaml names none. */
  readonly ownConsoleUrl?: () => string | null;
}

export interface Escalations {
  readonly engine: EscalationEngine;
  readonly pager: Pager;
  /** Rebuilds deadlines from the folded log; call once the hub can publish. */
  start(): void;
  onCommitted(events: ReadonlyArray<HubEvent>): void;
  /** The `escalate` command, planned inside the commit at `now`. */
  planEscalate(
    incident: Incident,
    level: number | undefined,
    actor: Actor,
    now: number,
  ): NewEvent[] | CommandRejection;
  view(): EscalationsResponse;
  /** Stops timers and deliveries; what is already committed stays. */
  close(): Promise<void>;
}

export function createEscalations(deps: EscalationsDeps): Escalations {
  const pager = new Pager({
    writer: deps.writer,
    clock: deps.clock,
    incident: deps.incident,
    config: deps.config,
    log: deps.log,
    ...(deps.logId ? { logId: deps.logId } : {}),
    ...(deps.ownConsoleUrl ? { ownConsoleUrl: deps.ownConsoleUrl } : {}),
    ...deps.delivery,
  });
  const engine = new EscalationEngine({
    writer: deps.writer,
    clock: deps.clock,
    incidents: deps.incidents,
    config: deps.config,
    onPaged: (page) => pager.deliver(page),
    log: deps.log,
  });
  return {
    engine,
    pager,
    start: () => engine.start(),
    onCommitted: (events) => engine.onCommitted(events),
    planEscalate: (incident, level, actor, now) =>
      planEscalate(incident, level, actor, { config: deps.config(), now }),
    view: () => escalationsView(deps.incidents(), deps.config(), deps.clock.now()),
    async close() {
      engine.close();
      await pager.close();
    },
  };
}
