import type { SitroomConfig } from '../../shared/config/types';
import type { Incident } from '../../shared/domain';
import type { HubEvent, NewEvent, TeamsNotified } from '../../shared/events';
import { urlHost } from '../../shared/impact/catalog';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import { incidentImpact } from '../../shared/impact/incident-impact';
import type { Writer } from '../store/writer';
import { notifyBody } from './notify-message';
import { DEFAULT_DELIVERY, type DeliveryOptions, deliverJson } from './webhook-delivery';

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
}

export class ImpactNotifier {
  private readonly stopping = new AbortController();
  private readonly inflight = new Set<Promise<void>>();

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
    const teams = new Map(this.deps.config().teams.map((team) => [team.id, team]));
    const posts: Array<Promise<void>> = [];
    for (const { teamId } of event.teams) {
      // The current config's URLs: the event holds hosts only, never the secret part.
      const team = teams.get(teamId);
      if (!team) continue;
      for (const channel of team.notify) {
        const body = notifyBody(channel.kind, incident, impact, { id: team.id, name: team.name });
        posts.push(
          deliverJson(channel.url, body, this.deps.delivery ?? DEFAULT_DELIVERY, this.stopping.signal).then(
            (outcome) => {
              if (this.stopping.signal.aborted) return;
              const base = {
                at: (this.deps.now ?? Date.now)(),
                actor: { kind: 'system' } as const,
                incidentId: incident.id,
                channel: channel.kind,
                target: team.id,
                host: urlHost(channel.url),
                attempt: outcome.attempt,
              };
              const recorded: NewEvent = outcome.ok
                ? { ...base, type: 'notification_delivered' }
                : { ...base, type: 'notification_failed', error: outcome.error };
              if (!outcome.ok)
                this.deps.log(`notify: ${team.id} via ${channel.kind} ${base.host}: ${outcome.error}`);
              return this.deps.writer.submit(() => [recorded]).then(() => undefined);
            },
          ),
        );
      }
    }
    await Promise.all(posts);
  }
}
