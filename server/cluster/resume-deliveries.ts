import { ABANDONED, type FinishedDeliveries, legacyKeyOf, RESUME_WITHIN_MS } from './unfinished-deliveries';

// How a new term finishes a request an earlier term left under way, the same for a page (the
// pager) and a notify_impacted (the impact notifier): the deliveries still owed are those without
// a final outcome; each is sent again with its id, or, when the request is too old or nobody
// should be told any more, given a final failure that says why.

/** One message a request asked for, as its outcomes name it. */
export interface OwedDelivery {
  /** `<request seq>.<digest>` (deliveryIdOf). */
  readonly id: string;
  readonly target: string;
  /** The channel's kind. */
  readonly channel: string;
  readonly host: string;
}

/** The planned deliveries that have no final outcome yet; each outcome answers for one only. */
export function stillOwed<D>(
  planned: ReadonlyArray<D>,
  finished: FinishedDeliveries,
  named: (delivery: D) => OwedDelivery,
): D[] {
  return planned.filter((delivery) => {
    const { id, target, channel, host } = named(delivery);
    return !finished.claim(id, legacyKeyOf(target, channel, host));
  });
}

export interface ResumeOptions<D> {
  readonly now: number;
  named(delivery: D): OwedDelivery;
  /** Sends the delivery again, under its id. */
  send(delivery: D): void;
  /** Records a final failure with `error` instead of sending. */
  giveUp(delivery: D, error: string): void;
  /** Why none should be sent any more (the incident is over), if so. */
  readonly notSentBecause?: string | null;
}

/** Finishes what is still owed of `request`; returns how many deliveries it took up. */
export function resumeDeliveries<D>(
  request: { readonly at: number },
  planned: ReadonlyArray<D>,
  finished: FinishedDeliveries,
  options: ResumeOptions<D>,
): number {
  const owed = stillOwed(planned, finished, options.named);
  const reason = options.now - request.at > RESUME_WITHIN_MS ? ABANDONED : (options.notSentBecause ?? null);
  for (const delivery of owed) {
    if (reason === null) options.send(delivery);
    else options.giveUp(delivery, reason);
  }
  return owed.length;
}
