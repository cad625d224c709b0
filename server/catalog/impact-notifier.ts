import type { NotifyChannel, SitroomConfig } from '../../shared/config/types';
import { type Incident, isOpen } from '../../shared/domain';
import type { HubEvent, NewEvent, TeamsNotified } from '../../shared/events';
import { channelHost } from '../../shared/impact/catalog';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import { incidentImpact } from '../../shared/impact/incident-impact';
import { resumeDeliveries } from '../cluster/resume-deliveries';
import { recordInTerm } from '../cluster/term-records';
import { deliveryIdOf, type FinishedDeliveries, idempotencyKeyOf } from '../cluster/unfinished-deliveries';
import { type Notice, outgoingFor, type Senders, withIdempotencyKey } from '../notify/channel-message';
import { incidentLink } from '../notify/incident-link';
import { MailerForConfig } from '../notify/mailer';
import type { Writer } from '../store/writer';
import { notifyNotice } from './notify-message';
import { DEFAULT_DELIVERY, type DeliveryOptions, type DeliveryOutcome, deliver } from './webhook-delivery';

/** Why a resumed notification was not sent. */
const NOT_SENT_OVER = 'not sent after leader change: the incident was resolved or merged meanwhile';

// Delivers notify_impacted. The command only records `teams_notified` (so its answer never waits
// on somebody else's webhook); this watches committed events and, for each one, posts to every
// channel of every team told, then records one notification_delivered or notification_failed per
// channel. At least once across leaders and restarts, as pages are: each delivery's id goes with
// its outcome and as Idempotency-Key, and a new term resumes those without an outcome.

export interface ImpactNotifierDeps {
  readonly writer: Pick<Writer, 'submit'>;
  incident(id: string): Incident | undefined;
  config(): SitroomConfig;
  graph(): CatalogGraph;
  log(line: string): void;
  /** The log's identity, in every Idempotency-Key. */
  readonly logId?: string;
  readonly delivery?: DeliveryOptions;
  readonly now?: () => number;
  /** Replace the network for tests; by default POSTs go out and email uses notifications.yaml's smtp. */
  readonly senders?: Senders;
  /** The hub's own console address, for links when notifications.yaml names none. */
  readonly ownConsoleUrl?: () => string | null;
}

interface Notification {
  readonly channel: NotifyChannel;
  readonly teamId: string;
  readonly notice: Notice;
  readonly id: string;
}

export class ImpactNotifier {
  private readonly stopping = new AbortController();
  private readonly inflight = new Set<Promise<void>>();
  private readonly mailers = new MailerForConfig();

  constructor(private readonly deps: ImpactNotifierDeps) {}

  /** Hand every committed batch here; it picks out teams_notified. */
  onCommitted(events: ReadonlyArray<HubEvent>): void {
    for (const event of events) {
      if (event.type !== 'teams_notified') continue;
      for (const notification of this.plan(event)) this.track(this.send(notification), event);
    }
  }

  /**
   * Finishes a teams_notified an earlier term left under way: what has no outcome yet is sent
   * again with the same id, or recorded as abandoned when older than RESUME_WITHIN_MS.
   */
  resume(event: TeamsNotified, finished: FinishedDeliveries): number {
    // Resolved or merged away since it was asked for: telling teams now would alarm them about
    // what is over (or link to an incident that lives on under another id).
    const incident = this.deps.incident(event.incidentId);
    const over = incident !== undefined && (!isOpen(incident) || incident.mergedInto !== null);
    return resumeDeliveries(event, this.plan(event), finished, {
      now: this.now(),
      named: (notification) => ({
        id: notification.id,
        target: notification.teamId,
        channel: notification.channel.kind,
        host: channelHost(notification.channel),
      }),
      send: (notification) => this.track(this.send(notification), event),
      giveUp: (notification, error) =>
        this.track(this.record(notification, { ok: false, attempt: 0, error }), event),
      notSentBecause: over ? NOT_SENT_OVER : null,
    });
  }

  /** Stops retrying and waits for posts under way to give up; outcomes after this are not recorded. */
  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inflight]);
  }

  private track(job: Promise<void>, event: TeamsNotified): void {
    const logged = job.catch((error: unknown) =>
      this.deps.log(`notify: delivering ${event.incidentId} failed: ${String(error)}`),
    );
    this.inflight.add(logged);
    void logged.finally(() => this.inflight.delete(logged));
  }

  /** One message per channel of every team told, each with the id of where it goes. */
  private plan(event: TeamsNotified): Notification[] {
    if (this.stopping.signal.aborted) return [];
    const incident = this.deps.incident(event.incidentId);
    if (!incident) return [];
    const impact = incidentImpact(this.deps.graph(), incident);
    const config = this.deps.config();
    const teams = new Map(config.teams.map((team) => [team.id, team]));
    const link = incidentLink(
      config.notifications.consoleUrl ?? this.deps.ownConsoleUrl?.() ?? null,
      incident.id,
    );
    const planned: Array<Omit<Notification, 'id'>> = [];
    for (const { teamId } of event.teams) {
      // The current config's URLs: the event holds hosts only, never the secret part.
      const team = teams.get(teamId);
      if (!team) continue;
      for (const channel of team.notify) {
        const notice = notifyNotice(incident, impact, { id: team.id, name: team.name }, link);
        planned.push({ channel, teamId: team.id, notice });
      }
    }
    return planned.map((notification) => ({
      ...notification,
      id: deliveryIdOf(event.seq, notification.teamId, notification.channel),
    }));
  }

  private async send(notification: Notification): Promise<void> {
    // The term that planned it may have ended since (a resume hands many over at once).
    if (!this.current()) return;
    const senders: Senders = {
      mailer: () => this.mailers.for(this.deps.config().notifications.smtp),
      ...this.deps.senders,
    };
    const outcome = await deliver(
      withIdempotencyKey(
        outgoingFor(notification.channel, notification.notice),
        idempotencyKeyOf(this.deps.logId ?? 'hub', notification.id),
      ),
      this.deps.delivery ?? DEFAULT_DELIVERY,
      this.stopping.signal,
      senders,
    );
    await this.record(notification, outcome);
  }

  private async record(notification: Notification, outcome: DeliveryOutcome): Promise<void> {
    const base = {
      at: this.now(),
      actor: { kind: 'system' } as const,
      incidentId: notification.notice.incidentId,
      channel: notification.channel.kind,
      target: notification.teamId,
      host: channelHost(notification.channel),
      attempt: outcome.attempt,
      deliveryId: notification.id,
    };
    const recorded: NewEvent = outcome.ok
      ? { ...base, type: 'notification_delivered' }
      : { ...base, type: 'notification_failed', error: outcome.error };
    if (!this.current()) return;
    if (!outcome.ok)
      this.deps.log(
        `notify: ${notification.teamId} via ${notification.channel.kind} ${base.host}: ${outcome.error}`,
      );
    await recordInTerm(this.deps.writer, this.current, [recorded]);
  }

  /** Whether this notifier's term is still the current one: close() ends it. */
  private readonly current = (): boolean => !this.stopping.signal.aborted;

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
