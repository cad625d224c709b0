import type { SitroomConfig } from '../../shared/config/types';
import type { HubEvent, NewEvent, SilenceExpireRequested, SilenceRequested } from '../../shared/events';
import { recordInTerm } from '../cluster/term-records';
import { ABANDONED, RESUME_WITHIN_MS } from '../cluster/unfinished-deliveries';
import type { Writer } from '../store/writer';
import {
  AlertmanagerError,
  type AlertmanagerTarget,
  type ApiOptions,
  createSilence,
  DEFAULT_API_OPTIONS,
  expireSilence,
  getSilence,
  listSilences,
} from './alertmanager-api';

// Carries out silence and expire_silence. The commands only record what was asked (so their
// answer never waits on an Alertmanager, and an outbox replay is answered from the log); this
// watches committed events on the leader, talks to each Alertmanager, and records one outcome per
// Alertmanager: silence_created / silence_expired, or silence_failed naming who refused what.
// A request an earlier term left without an outcome is carried out by the next one (resume):
// the list-before-create below finds a silence the dead leader made, so it is never made twice.

export interface SilenceKeeperDeps {
  readonly writer: Pick<Writer, 'submit'>;
  config(): SitroomConfig;
  /** How to name the person in Alertmanager's createdBy ("Dana Reyes (dana)"). */
  userName(id: string): string;
  log(line: string): void;
  readonly api?: ApiOptions;
  readonly now?: () => number;
}

/** Marks a silence's comment so a retried or repeated request finds the silence it already made. */
export const requestTag = (incidentId: string, requestId: string): string =>
  `[Sitroom ${incidentId} ${requestId}]`;

/** Why a resumed request made no silence: its silence was asked to end meanwhile. */
export const ENDED_MEANWHILE = 'not made after leader change: the silence was ended meanwhile';

export class SilenceKeeper {
  private stopped = false;
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly deps: SilenceKeeperDeps) {}

  onCommitted(events: ReadonlyArray<HubEvent>): void {
    for (const event of events) {
      if (this.stopped) return;
      if (event.type === 'silence_requested') this.track(this.create(event), event.incidentId);
      else if (event.type === 'silence_expire_requested') this.track(this.expire(event), event.incidentId);
    }
  }

  /**
   * Finishes a silence request an earlier term left under way, for the Alertmanagers still owed
   * an outcome; one older than RESUME_WITHIN_MS, or already over, is recorded as abandoned, and
   * one whose silence somebody has asked to end since (`ended`) is not made on the others.
   */
  resume(event: SilenceRequested, integrations: ReadonlyArray<string>, ended = false): void {
    if (this.stopped) return;
    const now = this.now();
    if (now - event.at <= RESUME_WITHIN_MS && event.endsAt > now && !ended) {
      this.track(this.create(event, integrations), event.incidentId);
      return;
    }
    const error = ended
      ? ENDED_MEANWHILE
      : event.endsAt > now
        ? ABANDONED
        : `${ABANDONED}; the silence would have ended by now`;
    this.track(
      this.record(
        integrations.map(
          (integration): NewEvent => ({
            at: now,
            actor: event.actor,
            incidentId: event.incidentId,
            requestId: event.requestId,
            type: 'silence_failed',
            action: 'create',
            integration,
            error,
          }),
        ),
      ),
      event.incidentId,
    );
  }

  /**
   * Finishes a request to end a silence that an earlier term left without an outcome. The dead
   * leader may have ended it already: a silence found expired then counts as expired by it.
   */
  resumeExpire(event: SilenceExpireRequested): void {
    if (this.stopped) return;
    if (this.now() - event.at <= RESUME_WITHIN_MS) {
      this.track(this.expire(event, true), event.incidentId);
      return;
    }
    this.track(
      this.record([
        {
          at: this.now(),
          actor: event.actor,
          incidentId: event.incidentId,
          requestId: event.requestId,
          silenceId: event.silenceId,
          type: 'silence_failed',
          action: 'expire',
          integration: null,
          error: ABANDONED,
        },
      ]),
      event.incidentId,
    );
  }

  async close(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inflight]);
  }

  private track(job: Promise<void>, incidentId: string): void {
    const logged = job.catch((error: unknown) =>
      this.deps.log(`silences: ${incidentId}: recording an outcome failed: ${String(error)}`),
    );
    this.inflight.add(logged);
    void logged.finally(() => this.inflight.delete(logged));
  }

  private targets(ids: ReadonlyArray<string>): Array<AlertmanagerTarget | string> {
    const integrations = this.deps.config().integrations;
    return ids.map((id) => {
      const api = integrations.find((entry) => entry.id === id)?.api;
      return api ? { id, api } : id;
    });
  }

  private async create(
    event: SilenceRequested,
    integrations: ReadonlyArray<string> = event.integrations,
  ): Promise<void> {
    const options = this.deps.api ?? DEFAULT_API_OPTIONS;
    const tag = requestTag(event.incidentId, event.requestId);
    const actor = event.actor.kind === 'user' ? this.deps.userName(event.actor.id) : 'Sitroom';
    const outcomes = await Promise.all(
      this.targets(integrations).map(async (target): Promise<NewEvent> => {
        const base = {
          at: this.now(),
          actor: event.actor,
          incidentId: event.incidentId,
          requestId: event.requestId,
        };
        if (typeof target === 'string')
          return {
            ...base,
            type: 'silence_failed',
            action: 'create',
            integration: target,
            error: `${target} has no api_url in integrations.yaml any more`,
          };
        try {
          const silenceId = await this.createOnce(target, event, tag, actor, options);
          return {
            ...base,
            at: this.now(),
            type: 'silence_created',
            integration: target.id,
            silenceId,
            endsAt: event.endsAt,
          };
        } catch (error) {
          return {
            ...base,
            at: this.now(),
            type: 'silence_failed',
            action: 'create',
            integration: target.id,
            error: messageOf(error),
          };
        }
      }),
    );
    await this.record(outcomes);
  }

  /**
   * Creates the silence unless one tagged with this request exists already (a create whose answer
   * was lost, a second leader). A create is never retried blindly: before each retry, look again.
   */
  private async createOnce(
    target: AlertmanagerTarget,
    event: SilenceRequested,
    tag: string,
    actor: string,
    options: ApiOptions,
  ): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      // A term that has ended makes nothing more; the next one finds what this one did not record.
      if (!this.current()) throw new Error('not made: the term ended');
      const existing = (await listSilences(target, event.matchers.slice(0, 1), options)).find((silence) =>
        silence.comment.includes(tag),
      );
      // Made for this request already (by a dead leader whose answer was lost) and ended since,
      // on Alertmanager or by a person there: making it again would silence what they unsilenced.
      if (existing?.status.state === 'expired')
        throw new Error(
          `${target.id}: silence ${existing.id} was made for this request and has ended since; not made again`,
        );
      if (existing) return existing.id;
      try {
        return await createSilence(
          target,
          {
            matchers: event.matchers,
            startsAt: event.at,
            endsAt: event.endsAt,
            createdBy: actor,
            comment: `${event.comment} ${tag}`,
          },
          options,
        );
      } catch (error) {
        if (!(error instanceof AlertmanagerError) || !error.transient || attempt >= options.attempts)
          throw error;
        await new Promise((resolve) =>
          setTimeout(resolve, options.backoffMs[Math.min(attempt - 1, options.backoffMs.length - 1)] ?? 0),
        );
      }
    }
  }

  private async expire(event: SilenceExpireRequested, resumed = false): Promise<void> {
    const options = this.deps.api ?? DEFAULT_API_OPTIONS;
    const base = {
      actor: event.actor,
      incidentId: event.incidentId,
      requestId: event.requestId,
      silenceId: event.silenceId,
    };
    const refusals: string[] = [];
    for (const target of this.targets(event.integrations)) {
      if (typeof target === 'string') {
        refusals.push(`${target} has no api_url in integrations.yaml any more`);
        continue;
      }
      try {
        const known = await getSilence(target, event.silenceId, options);
        if (!known) continue;
        if (known.status.state === 'expired' && resumed) {
          await this.record([{ ...base, at: this.now(), type: 'silence_expired', integration: target.id }]);
          return;
        }
        if (known.status.state === 'expired') {
          refusals.push(`${target.id} says silence ${event.silenceId} has already ended`);
          continue;
        }
        if (!this.current()) return;
        await expireSilence(target, event.silenceId, options);
        await this.record([{ ...base, at: this.now(), type: 'silence_expired', integration: target.id }]);
        return;
      } catch (error) {
        refusals.push(messageOf(error));
      }
    }
    const error =
      refusals.length > 0
        ? refusals.join('; ')
        : `no Alertmanager of ${event.incidentId} (${event.integrations.join(', ')}) knows silence ${event.silenceId}`;
    await this.record([
      { ...base, at: this.now(), type: 'silence_failed', action: 'expire', integration: null, error },
    ]);
  }

  private async record(events: NewEvent[]): Promise<void> {
    if (!this.current() || events.length === 0) return;
    for (const event of events)
      if (event.type === 'silence_failed') this.deps.log(`silences: ${event.incidentId}: ${event.error}`);
    await recordInTerm(this.deps.writer, this.current, events);
  }

  /** Whether this keeper's term is still the current one: close() ends it. */
  private readonly current = (): boolean => !this.stopped;

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
