import { createHash } from 'node:crypto';
import type { NotifyChannel } from '../../shared/config/types';
import type {
  EscalationLevelPaged,
  HubEvent,
  HubEventType,
  SilenceExpireRequested,
  SilenceRequested,
  TeamsNotified,
} from '../../shared/events';

// What the once-only work asked for and nobody finished: a page (escalation_level_paged) or a
// notify_impacted (teams_notified) without a final outcome for one of its deliveries, a silence
// request without an outcome for one of its Alertmanagers, a request to end a silence without
// any outcome. A leader that dies mid-delivery (or a
// single hub stopped mid-retry) leaves them so; each new term reads them from the log here, in one
// place, and hands them to the pager, the impact notifier and the silence keeper to finish.
//
// An outcome names its delivery by `deliveryId` (`<request seq>.<n>`). Outcomes recorded before
// that field existed name only target, channel and host: they count for the latest request of
// the same incident (and level) before them — retries end within a minute, long before the same
// level pages again.

/** How far back a new term looks for unfinished requests. */
export const LOOK_BACK_MS = 24 * 60 * 60 * 1000;
/**
 * Requests younger than this are carried out again; older ones are recorded as abandoned. An hour
 * covers a failover and a whole cluster's restart; a page an hour late is a different situation
 * the timeline should show, not a surprise on somebody's phone.
 */
export const RESUME_WITHIN_MS = 60 * 60 * 1000;

/** The error recorded on a delivery or silence a new term found too old to carry out. */
export const ABANDONED = `abandoned after leader change: requested more than ${RESUME_WITHIN_MS / 60_000} min before`;

/** The events the finder reads. */
export const DELIVERY_EVENT_TYPES: ReadonlyArray<HubEventType> = [
  'escalation_level_paged',
  'teams_notified',
  'notification_delivered',
  'notification_failed',
  'silence_requested',
  'silence_created',
  'silence_failed',
  'silence_expire_requested',
  'silence_expired',
];

/**
 * The delivery id of one message a page or teams_notified at `seq` asked for: the request and
 * what the message goes to (who, which kind of channel, its address), hashed so no address shows.
 * Not its place in the config's lists: a reload that reordered or added channels between a
 * leader's death and the resume would otherwise send one channel's message under another's id.
 */
export function deliveryIdOf(seq: number, target: string, channel: NotifyChannel): string {
  const address = channel.kind === 'email' ? channel.address : channel.url;
  const digest = createHash('sha256')
    .update(`${target}\u0000${channel.kind}\u0000${address}`)
    .digest('hex')
    .slice(0, 12);
  return `${seq}.${digest}`;
}

/** Why a delivery stopped before it got through: whoever was paged no longer needs to be. */
export const NO_LONGER_WANTED = 'not sent on: the incident was answered meanwhile';

/** What a receiver gets as Idempotency-Key: the log's identity (shared by its hubs) and the delivery. */
export const idempotencyKeyOf = (logId: string, deliveryId: string): string =>
  `sitroom-${logId}-${deliveryId}`;

/** How an outcome without a delivery id names its delivery. */
export const legacyKeyOf = (target: string, channel: string, host: string): string =>
  `${target}\u0000${channel}\u0000${host}`;

/** The final outcomes already recorded for one page or teams_notified. */
export class FinishedDeliveries {
  private readonly ids = new Set<string>();
  private readonly legacy = new Map<string, number>();

  add(deliveryId: string | undefined, legacyKey: string): void {
    if (deliveryId !== undefined) this.ids.add(deliveryId);
    else this.legacy.set(legacyKey, (this.legacy.get(legacyKey) ?? 0) + 1);
  }

  /** Whether the delivery has its outcome; an outcome without id answers for one delivery only. */
  claim(deliveryId: string, legacyKey: string): boolean {
    if (this.ids.has(deliveryId)) return true;
    const left = this.legacy.get(legacyKey) ?? 0;
    if (left === 0) return false;
    this.legacy.set(legacyKey, left - 1);
    return true;
  }
}

export interface UnfinishedDeliveries {
  /** Every page up to the term's start, with what is finished of it (the pager plans the rest). */
  readonly pages: ReadonlyArray<{
    readonly request: EscalationLevelPaged;
    readonly finished: FinishedDeliveries;
  }>;
  readonly notices: ReadonlyArray<{ readonly request: TeamsNotified; readonly finished: FinishedDeliveries }>;
  /**
   * Silence requests with Alertmanagers still owed an answer, and which; `ended` when the silence
   * (made on another of its Alertmanagers) has been asked to end since, so it must not be made.
   */
  readonly silences: ReadonlyArray<{
    readonly request: SilenceRequested;
    readonly integrations: string[];
    readonly ended: boolean;
  }>;
  /** Requests to end a silence that have no outcome at all. */
  readonly expiries: ReadonlyArray<SilenceExpireRequested>;
}

/**
 * Sorts `events` (the DELIVERY_EVENT_TYPES, oldest first) into requests up to `throughSeq` and
 * their outcomes. Later requests belong to the term that folds them live.
 */
export function findUnfinished(events: ReadonlyArray<HubEvent>, throughSeq: number): UnfinishedDeliveries {
  const finder = new UnfinishedFinder(throughSeq);
  finder.add(events);
  return finder.result();
}

/**
 * findUnfinished a page at a time (cluster/read-unfinished.ts): pages in seq order, each oldest
 * first. It keeps the requests and what is open of them, not the pages.
 */
export class UnfinishedFinder {
  private readonly requests = new Map<number, FinishedDeliveries>();
  private readonly latest = new Map<string, FinishedDeliveries>();
  private readonly pages: Array<{ request: EscalationLevelPaged; finished: FinishedDeliveries }> = [];
  private readonly notices: Array<{ request: TeamsNotified; finished: FinishedDeliveries }> = [];
  private readonly silences = new Map<
    string,
    { request: SilenceRequested; answered: Set<string>; all: boolean; ended: boolean }
  >();
  /** Which request made each silence, so a request to end it marks that request ended. */
  private readonly madeBy = new Map<string, string>();
  private readonly expiries = new Map<string, SilenceExpireRequested>();

  constructor(private readonly throughSeq: number) {}

  add(events: ReadonlyArray<HubEvent>): void {
    for (const event of events) this.addOne(event);
  }

  result(): UnfinishedDeliveries {
    return {
      pages: [...this.pages],
      notices: [...this.notices],
      silences: [...this.silences.values()].flatMap(({ request, answered, all, ended }) => {
        const integrations = all ? [] : request.integrations.filter((id) => !answered.has(id));
        return integrations.length > 0 ? [{ request, integrations, ended }] : [];
      }),
      expiries: [...this.expiries.values()],
    };
  }

  private addOne(event: HubEvent): void {
    switch (event.type) {
      case 'escalation_level_paged':
      case 'teams_notified': {
        const finished = new FinishedDeliveries();
        this.requests.set(event.seq, finished);
        const level = event.type === 'escalation_level_paged' ? event.level : null;
        this.latest.set(`${event.incidentId}\u0000${level}`, finished);
        if (event.seq > this.throughSeq) break;
        if (event.type === 'escalation_level_paged') this.pages.push({ request: event, finished });
        else this.notices.push({ request: event, finished });
        break;
      }
      case 'notification_delivered':
      case 'notification_failed': {
        if (event.type === 'notification_failed' && event.retrying === true) break;
        const requestSeq =
          event.deliveryId === undefined ? Number.NaN : Number.parseInt(event.deliveryId, 10);
        const finished = Number.isNaN(requestSeq)
          ? this.latest.get(`${event.incidentId}\u0000${event.level ?? null}`)
          : this.requests.get(requestSeq);
        finished?.add(event.deliveryId, legacyKeyOf(event.target, event.channel, event.host));
        break;
      }
      case 'silence_requested':
        if (event.seq <= this.throughSeq)
          this.silences.set(event.requestId, {
            request: event,
            answered: new Set(),
            all: false,
            ended: false,
          });
        break;
      case 'silence_expire_requested':
        this.markEnded(event.silenceId);
        if (event.seq <= this.throughSeq) this.expiries.set(event.requestId, event);
        break;
      case 'silence_expired':
        this.markEnded(event.silenceId);
        this.expiries.delete(event.requestId);
        break;
      case 'silence_created':
      case 'silence_failed': {
        if (event.type === 'silence_failed' && event.action === 'expire') {
          this.expiries.delete(event.requestId);
          break;
        }
        if (event.type === 'silence_created') this.madeBy.set(event.silenceId, event.requestId);
        const open = this.silences.get(event.requestId);
        if (!open) break;
        if (event.integration === null) open.all = true;
        else open.answered.add(event.integration);
        break;
      }
      default:
        break;
    }
  }

  /** Someone asked to end `silenceId`: the request that made it is not to be carried further. */
  private markEnded(silenceId: string): void {
    const requestId = this.madeBy.get(silenceId);
    const open = requestId === undefined ? undefined : this.silences.get(requestId);
    if (open) open.ended = true;
  }
}
