import type { NotifyChannel, SitroomConfig } from '../../shared/config/types';
import type { Incident } from '../../shared/domain';
import { stopReasonOf } from '../../shared/escalation/escalation-plans';
import type { EscalationLevelPaged, NewEvent } from '../../shared/events';
import { resumeDeliveries } from '../cluster/resume-deliveries';
import { recordInTerm } from '../cluster/term-records';
import { deliveryIdOf, type FinishedDeliveries, idempotencyKeyOf } from '../cluster/unfinished-deliveries';
import type { Clock } from '../escalation/clock';
import type { Writer } from '../store/writer';
import { type Notice, outgoingFor, outgoingHost, withIdempotencyKey } from './channel-message';
import { ConcurrencyLimit } from './concurrency-limit';
import { incidentLink } from './incident-link';
import { type Mailer, MailerForConfig } from './mailer';
import { pageNotice } from './page-message';
import {
  type AttemptOutcome,
  type DeliveryDeps,
  deliverWithRetries,
  type RetryPolicy,
} from './retrying-delivery';

// Delivers each page: to the webhook of every paged person who has one (users.yaml) and to every
// notify channel of every paged team (services.yaml: webhook, Slack, Teams, email), recording each try as
// notification_delivered or notification_failed, so the timeline shows who was reached and how.
// Consoles need no delivery: the escalation_level_paged event itself reaches them.
// At least once across leaders and restarts: each delivery has an id (the page's seq and its
// place in the page's list) recorded with its outcomes and sent as Idempotency-Key, and a new
// term resumes the deliveries without a final outcome (cluster/unfinished-deliveries.ts).

export interface PagerDeps {
  readonly writer: Pick<Writer, 'submit'>;
  readonly clock: Clock;
  incident(id: string): Incident | undefined;
  config(): SitroomConfig;
  log(line: string): void;
  /** The log's identity, in every Idempotency-Key (absent in tests that do not look). */
  readonly logId?: string;
  readonly retry?: RetryPolicy;
  readonly post?: DeliveryDeps['post'];
  /** Replaces the SMTP mailer made from notifications.yaml (tests). */
  readonly mailer?: () => Mailer | null;
  /** The hub's own console address, for links when notifications.yaml names none. */
  readonly ownConsoleUrl?: () => string | null;
}

interface Delivery {
  readonly channel: NotifyChannel;
  readonly target: string;
  readonly id: string;
}

/** Posts on the network at once; more wait their turn (see ConcurrencyLimit). */
const MAX_POSTS_IN_FLIGHT = 64;

export class Pager {
  private readonly stopping = new AbortController();
  private readonly limit = new ConcurrencyLimit(MAX_POSTS_IN_FLIGHT);
  private readonly inflight = new Set<Promise<void>>();
  private readonly mailers = new MailerForConfig();

  constructor(private readonly deps: PagerDeps) {}

  /** Starts delivering a committed page. */
  deliver(page: EscalationLevelPaged): void {
    const planned = this.plan(page);
    if (!planned) return;
    for (const delivery of planned.deliveries) this.send(page, planned.notice, delivery);
  }

  /**
   * Finishes a page an earlier term left under way: the deliveries without a final outcome are
   * sent again (with the same id), or, when the page is older than RESUME_WITHIN_MS, recorded
   * as abandoned so the timeline says so. Returns how many deliveries it took up.
   */
  resume(page: EscalationLevelPaged, finished: FinishedDeliveries): number {
    const planned = this.plan(page);
    if (!planned) return 0;
    return resumeDeliveries(page, planned.deliveries, finished, {
      now: this.deps.clock.now(),
      named: (delivery) => ({
        id: delivery.id,
        target: delivery.target,
        channel: delivery.channel.kind,
        host: outgoingHost(delivery.channel),
      }),
      send: (delivery) => this.send(page, planned.notice, delivery),
      giveUp: (delivery, error) =>
        this.record(page, delivery, { ok: false, attempt: 0, error, retrying: false }),
    });
  }

  /** Resolves when every delivery under way has finished and been recorded (tests). */
  async whenIdle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Stops retrying and waits for posts under way to give up; their outcomes are not recorded. */
  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inflight]);
  }

  /** Who gets the page and what they read; null when nobody should any more. */
  private plan(page: EscalationLevelPaged): { deliveries: Delivery[]; notice: Notice } | null {
    if (this.stopping.signal.aborted) return null;
    const incident = this.deps.incident(page.incidentId);
    // A page is committed with what followed it in the same batch (the demo's history: paged,
    // acknowledged and resolved long ago): nobody is woken for what is already answered.
    if (!incident || !stillWanted(page, incident)) return null;
    const config = this.deps.config();
    const users = config.users.filter((user) => page.targets.includes(user.id));
    const people = page.targets.map((id) => ({ id, name: users.find((u) => u.id === id)?.name ?? id }));
    const where = [
      ...users.flatMap((user) =>
        user.webhook ? [{ channel: { kind: 'webhook' as const, url: user.webhook }, target: user.id }] : [],
      ),
      ...config.teams
        .filter((team) => page.teams.includes(team.id))
        .flatMap((team) => team.notify.map((channel) => ({ channel, target: team.id }))),
    ];
    const link = incidentLink(
      config.notifications.consoleUrl ?? this.deps.ownConsoleUrl?.() ?? null,
      incident.id,
    );
    return {
      deliveries: where.map((delivery) => ({
        ...delivery,
        id: deliveryIdOf(page.seq, delivery.target, delivery.channel),
      })),
      notice: pageNotice(incident, page, people, link),
    };
  }

  private send(page: EscalationLevelPaged, notice: Notice, delivery: Delivery): void {
    // The term that planned it may have ended since (a resume hands many over at once).
    if (!this.current()) return;
    const mailer = this.deps.mailer ?? (() => this.mailers.for(this.deps.config().notifications.smtp));
    const message = withIdempotencyKey(
      outgoingFor(delivery.channel, notice),
      idempotencyKeyOf(this.deps.logId ?? 'hub', delivery.id),
    );
    const job = deliverWithRetries(
      message,
      {
        clock: this.deps.clock,
        signal: this.stopping.signal,
        limit: this.limit,
        stillWanted: () => {
          const current = this.deps.incident(page.incidentId);
          return current !== undefined && stillWanted(page, current);
        },
        ...(this.deps.retry ? { retry: this.deps.retry } : {}),
        ...(this.deps.post ? { post: this.deps.post } : {}),
        mailer,
      },
      (outcome) => this.record(page, delivery, outcome),
    );
    this.track(job);
  }

  private record(page: EscalationLevelPaged, delivery: Delivery, outcome: AttemptOutcome): void {
    const base = {
      at: this.deps.clock.now(),
      actor: { kind: 'system' } as const,
      incidentId: page.incidentId,
      channel: delivery.channel.kind,
      target: delivery.target,
      host: outgoingHost(delivery.channel),
      attempt: outcome.attempt,
      level: page.level,
      deliveryId: delivery.id,
    };
    const event: NewEvent = outcome.ok
      ? { ...base, type: 'notification_delivered' }
      : { ...base, type: 'notification_failed', error: outcome.error, retrying: outcome.retrying };
    if (!this.current()) return;
    if (!outcome.ok)
      this.deps.log(`pager: ${delivery.target} via ${delivery.channel.kind} ${base.host}: ${outcome.error}`);
    this.track(recordInTerm(this.deps.writer, this.current, [event]));
  }

  /** Whether this pager's term is still the current one: close() ends it. */
  private readonly current = (): boolean => !this.stopping.signal.aborted;

  private track(job: Promise<void>): void {
    const guarded = job.catch((error: unknown) => this.deps.log(`pager: ${String(error)}`));
    this.inflight.add(guarded);
    void guarded.finally(() => this.inflight.delete(guarded));
  }
}

/** Whether a page should still reach people: the incident is open and, unless an operator sent it by hand, unanswered. */
function stillWanted(page: EscalationLevelPaged, incident: Incident): boolean {
  if (incident.status === 'resolved') return false;
  return page.actor.kind === 'user' || stopReasonOf(incident) === null;
}
