import type { SitroomConfig } from '../../shared/config/types';
import type { Incident } from '../../shared/domain';
import type { HubEvent, NewEvent, TeamsNotified } from '../../shared/events';
import { channelHost } from '../../shared/impact/catalog';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import { incidentImpact } from '../../shared/impact/incident-impact';
import { outgoingFor, type Senders } from '../notify/channel-message';
import { incidentLink } from '../notify/incident-link';
import { MailerForConfig } from '../notify/mailer';
import type { Writer } from '../store/writer';
import { notifyNotice } from './notify-message';
import { DEFAULT_DELIVERY, type DeliveryOptions, deliver } from './webhook-delivery';

// Delivers notify_impacted. The command only records `teams_notified` (so its answer never waits
// on somebody else's webhook); this watches committed events and, for each one, posts to every
// channel of every team told, then records one notification_delivered or notification_failed per
// channel. Delivery is best effort across restarts: events folded at start-up are not re-sent, so
// a hub stopped mid-retry leaves a teams_notified without outcomes, which the timeline shows.

export interface ImpactNotifierDeps {
  readonly writer: Pick<Writer, 'submit'>;
  incident(id: string): Incident | undefined;
  config(): SitroomConfig;
  graph(): CatalogGraph;
  log(line: string): void;
  readonly delivery?: DeliveryOptions;
  readonly now?: () => number;
  /** Replace the network for tests; by default POSTs go out and email uses notifications.yaml's smtp. */
  readonly senders?: Senders;
  /** The hub's own console address, for links when notifications.yaml names none. */
  readonly ownConsoleUrl?: () => string | null;
}

export class ImpactNotifier {
  private readonly stopping = new AbortController();
  private readonly inflight = new Set<Promise<void>>();
  private readonly mailers = new MailerForConfig();

  constructor(private readonly deps: ImpactNotifierDeps) {}

  /** Hand every committed batch here; it picks out teams_notified. */
  onCommitted(events: ReadonlyArray<HubEvent>): void {
    for (const event of events) {
      if (event.type !== 'teams_notified' || this.stopping.signal.aborted) continue;
      const job = this.deliver(event).catch((error: unknown) =>
        this.deps.log(`notify: delivering ${event.incidentId} failed: ${String(error)}`),
      );
      this.inflight.add(job);
      void job.finally(() => this.inflight.delete(job));
    }
  }

  /** Stops retrying and waits for posts under way to give up; outcomes after this are not recorded. */
  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inflight]);
  }

  private async deliver(event: TeamsNotified): Promise<void> {
    const incident = this.deps.incident(event.incidentId);
    if (!incident) return;
    const impact = incidentImpact(this.deps.graph(), incident);
    const config = this.deps.config();
    const teams = new Map(config.teams.map((team) => [team.id, team]));
    const link = incidentLink(
      config.notifications.consoleUrl ?? this.deps.ownConsoleUrl?.() ?? null,
      incident.id,
    );
    const senders: Senders = {
      mailer: () => this.mailers.for(this.deps.config().notifications.smtp),
      ...this.deps.senders,
    };
    const posts: Array<Promise<void>> = [];
    for (const { teamId } of event.teams) {
      // The current config's URLs: the event holds hosts only, never the secret part.
      const team = teams.get(teamId);
      if (!team) continue;
      for (const channel of team.notify) {
        const notice = notifyNotice(incident, impact, { id: team.id, name: team.name }, link);
        posts.push(
          deliver(
            outgoingFor(channel, notice),
            this.deps.delivery ?? DEFAULT_DELIVERY,
            this.stopping.signal,
            senders,
          ).then((outcome) => {
            if (this.stopping.signal.aborted) return;
            const base = {
              at: (this.deps.now ?? Date.now)(),
              actor: { kind: 'system' } as const,
              incidentId: incident.id,
              channel: channel.kind,
              target: team.id,
              host: channelHost(channel),
              attempt: outcome.attempt,
            };
            const recorded: NewEvent = outcome.ok
              ? { ...base, type: 'notification_delivered' }
              : { ...base, type: 'notification_failed', error: outcome.error };
            if (!outcome.ok)
              this.deps.log(`notify: ${team.id} via ${channel.kind} ${base.host}: ${outcome.error}`);
            return this.deps.writer.submit(() => [recorded]).then(() => undefined);
          }),
        );
      }
    }
    await Promise.all(posts);
  }
}
