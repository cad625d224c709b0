import type { Command, CommandAnswer, CommandRejection } from './commands';

// The persistent outbox of operator actions. An action is written to storage before it is sent,
// sent in order one at a time, and re-sent after any failure of the link: the hub de-duplicates
// by commandId, so a re-send is harmless and an action is never lost. After the hub says yes the
// entry stays (as "awaiting") until the replica has the events it caused, so the console never
// flickers between "pending" and "confirmed". A refusal is stored too, until the operator
// dismisses it: one that arrived just before a reload or restart is shown again after it.

export interface OutboxEntry {
  readonly command: Command;
  readonly queuedAt: number;
  /**
   * The hub whose board the action was made on (null: none known yet). Absent from entries an
   * older console stored. Incident ids are the hub's own count (INC-4), so on another hub — or
   * the same address after its database was wiped — the same id can be another incident.
   */
  readonly hubId?: string | null;
  /**
   * The user the console was signed in as when the action was made (null: not known, as before
   * the console's first sync). Absent from entries an older console stored. The hub records an
   * action as whoever's token sends it, so one queued by Dana must not go out after Eve signs in.
   */
  readonly madeBy?: string | null;
}

export interface RejectedCommand {
  readonly command: Command;
  readonly error: CommandRejection;
  readonly at: number;
}

/** Refusals kept until dismissed; beyond this the oldest are let go of, and counted. */
export const MAX_KEPT_REFUSALS = 50;

export interface OutboxState {
  /** Not yet confirmed by the hub's event stream, oldest first. */
  readonly pending: ReadonlyArray<OutboxEntry>;
  /** Refused by the hub, newest last, until the operator dismisses them (the newest MAX_KEPT_REFUSALS). */
  readonly rejected: ReadonlyArray<RejectedCommand>;
  /** Older refusals let go of (or unreadable in storage) since the list was last emptied. */
  readonly rejectedDropped: number;
}

/** What the outbox keeps in storage: what a restart must not lose. */
export interface StoredOutbox {
  /** Actions not yet accepted by the hub, oldest first. */
  readonly entries: ReadonlyArray<OutboxEntry>;
  /** Refusals the operator has not dismissed, oldest first (absent in what older consoles stored). */
  readonly rejected?: ReadonlyArray<RejectedCommand>;
  /** See OutboxState.rejectedDropped. */
  readonly rejectedDropped?: number;
}

export interface OutboxStore {
  loadOutbox(): Promise<StoredOutbox>;
  saveOutbox(outbox: StoredOutbox): Promise<void>;
}

export interface OutboxOptions {
  readonly send: (command: Command) => Promise<CommandAnswer>;
  readonly store?: OutboxStore;
  readonly onChange: (state: OutboxState) => void;
  readonly now?: () => number;
  readonly log?: (message: string) => void;
  /** Wait before re-sending after a failed attempt while the link looks up. */
  readonly retryMs?: number;
}

interface Waiting {
  readonly entry: OutboxEntry;
  /** Set once the hub accepted it: the seq its events end at. */
  acceptedAt: number | null;
  /** False while its write to storage is under way: it is shown, but not sent (nor is what follows). */
  stored: boolean;
}

export class Outbox {
  private entries: Waiting[] = [];
  private rejected: RejectedCommand[] = [];
  private rejectedDropped = 0;
  private readonly answers = new Map<string, (answer: CommandAnswer) => void>();
  private online = false;
  /** The replica's seq as last told: an answer at or below it is already on the board. */
  private held = 0;
  /** The hub the replica last synced with: `held` counts that hub's seq. */
  private hubId: string | null = null;
  private sending = false;
  private saving: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Until the stored queue has been read, a write would replace it with only the new actions. */
  private loaded = false;
  private readonly now: () => number;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Restores what was queued before a restart. */
  async load(): Promise<void> {
    try {
      const stored = await this.options.store?.loadOutbox();
      const known = new Set(this.entries.map((waiting) => waiting.entry.command.commandId));
      // Actions stored before the restart come first too: an action taken while we were reading
      // is newer, and the hub must get them in the order they were taken.
      const queued: Waiting[] = [];
      for (const entry of stored?.entries ?? []) {
        if (!known.has(entry.command.commandId)) queued.push({ entry, acceptedAt: null, stored: true });
      }
      this.entries = [...queued, ...this.entries];
      // Refusals from before the restart come first: they are older than any made since.
      const since = this.rejected;
      const refused = new Set(since.map((rejection) => rejection.command.commandId));
      const restored = (stored?.rejected ?? []).filter(
        (rejection) => !refused.has(rejection.command.commandId),
      );
      this.rejectedDropped += stored?.rejectedDropped ?? 0;
      this.rejected = [];
      this.refuse([...restored, ...since]);
    } catch (error) {
      this.options.log?.(`discarding an unreadable outbox: ${String(error)}`);
    }
    this.loaded = true;
    // Actions queued while we were reading are in memory but were written without the stored
    // ones; write the merged queue so a close right now loses neither.
    await this.persist();
    this.changed();
    this.kick();
  }

  /**
   * Queues an action, shows it as pending at once, and sends it once it is stored; resolves with
   * the hub's answer. Shown before the write lands because the operator's key must answer in the
   * frame it was pressed in, and a storage write (IndexedDB, electron-store) takes 5–15 ms; sent
   * only after it, so an action the hub may have acted on is never one a restart could lose.
   */
  async enqueue(
    command: Command,
    hubId: string | null = null,
    madeBy: string | null = null,
  ): Promise<CommandAnswer> {
    const answer = new Promise<CommandAnswer>((resolve) => this.answers.set(command.commandId, resolve));
    const waiting: Waiting = {
      entry: { command, queuedAt: this.now(), hubId, madeBy },
      acceptedAt: null,
      stored: false,
    };
    this.entries.push(waiting);
    const stored = this.persist();
    this.changed();
    await stored;
    waiting.stored = true;
    this.kick();
    return answer;
  }

  setOnline(online: boolean): void {
    this.online = online;
    if (online) this.kick();
  }

  /** Resolves once every write started so far has reached storage. */
  whenStored(): Promise<void> {
    return this.saving;
  }

  /** Stops sending and writing: whoever opens the same storage next owns the queue. */
  stop(): void {
    this.stopped = true;
    this.online = false;
  }

  /** The replica holds every event up to `seq`: accepted actions up to there are confirmed. */
  confirmedUpTo(seq: number): void {
    this.held = Math.max(this.held, seq);
    const before = this.entries.length;
    this.entries = this.entries.filter((waiting) => waiting.acceptedAt === null || waiting.acceptedAt > seq);
    if (this.entries.length !== before) this.changed();
  }

  /**
   * The replica now holds hub `hubId`'s picture up to `seq` (after a snapshot or a delta). Actions
   * made on another hub's board are not sent: a hub whose database was wiped counts its incidents
   * from INC-1 again, so "resolve INC-4" would land on an unrelated incident. Actions the old hub
   * accepted but never showed are gone with its log. Both are refused here, saying so, so the
   * operator sees what became of them; the rest is confirmed as a live batch would confirm it.
   * Likewise an unsent action made by someone other than `userId` (who the hub let this console
   * in as now): the hub would record it as the person signed in now, not as its maker.
   */
  syncedWith(hubId: string, seq: number, userId: string | null = null): void {
    // Another hub's seq says nothing about this one's events.
    if (this.hubId !== null && this.hubId !== hubId) this.held = 0;
    this.hubId = hubId;
    const otherHub = (waiting: Waiting): boolean => {
      const madeOn = waiting.entry.hubId ?? null;
      return madeOn !== null && madeOn !== hubId;
    };
    const otherUser = (waiting: Waiting): boolean => {
      const madeBy = waiting.entry.madeBy ?? null;
      return waiting.acceptedAt === null && madeBy !== null && userId !== null && madeBy !== userId;
    };
    const stale = this.entries.filter((waiting) => otherHub(waiting) || otherUser(waiting));
    if (stale.length > 0) {
      this.entries = this.entries.filter((waiting) => !stale.includes(waiting));
      const at = this.now();
      for (const waiting of stale) {
        const { command } = waiting.entry;
        const error: CommandRejection = {
          code: 'conflict',
          message: !otherHub(waiting)
            ? notSentAsSomeoneElse(command, waiting.entry.madeBy ?? '', userId ?? '')
            : waiting.acceptedAt === null
              ? notSentToAnotherHub(command)
              : lostWithTheOldHub(command),
        };
        this.refuse([{ command, error, at }]);
        this.answers.get(command.commandId)?.({ ok: false, error });
        this.answers.delete(command.commandId);
      }
      void this.persist();
    }
    this.confirmedUpTo(seq);
    if (stale.length > 0) this.changed();
  }

  /** The operator has read it: gone from every window and tab, and from storage. */
  dismissRejected(commandId: string): void {
    const before = this.rejected.length;
    this.rejected = this.rejected.filter((rejection) => rejection.command.commandId !== commandId);
    if (this.rejected.length === before) return;
    // The note of older refusals let go of goes with the last one shown: the operator has read
    // the list through.
    if (this.rejected.length === 0) this.rejectedDropped = 0;
    void this.persist();
    this.changed();
  }

  state(): OutboxState {
    return {
      pending: this.entries.map((waiting) => waiting.entry),
      rejected: this.rejected,
      rejectedDropped: this.rejectedDropped,
    };
  }

  /** Adds refusals (oldest first), keeping the newest MAX_KEPT_REFUSALS and counting the rest. */
  private refuse(refusals: ReadonlyArray<RejectedCommand>): void {
    const all = [...this.rejected, ...refusals];
    const over = Math.max(0, all.length - MAX_KEPT_REFUSALS);
    this.rejectedDropped += over;
    this.rejected = all.slice(over);
  }

  private kick(): void {
    if (!this.online || this.sending || this.stopped) return;
    const next = this.entries.find((waiting) => waiting.acceptedAt === null);
    // In order: an action still being written holds back the ones queued after it.
    if (!next?.stored) return;
    this.sending = true;
    const { command } = next.entry;
    this.options.send(command).then(
      (answer) => {
        this.sending = false;
        // Taken out meanwhile (made on a hub that has since been replaced): already answered.
        if (!this.entries.includes(next)) {
          this.kick();
          return;
        }
        if (!answer.ok && answer.error.code === 'unavailable') {
          // The hub could not store it (its database is down): nothing was done, so it stays
          // queued and pending, and goes again shortly.
          this.options.log?.(`hub could not store ${command.type} (${command.commandId}) yet: retrying`);
          setTimeout(() => this.kick(), this.options.retryMs ?? 1000);
          return;
        }
        if (answer.ok) {
          next.acceptedAt = answer.seq;
          // Its events may be on the board already: another tab or console sent the same
          // commandId first, or the live batch beat the answer. Waiting for a later event would
          // leave it pending on a quiet hub.
          if (answer.seq <= this.held) this.entries = this.entries.filter((waiting) => waiting !== next);
        } else {
          this.entries = this.entries.filter((waiting) => waiting !== next);
          this.refuse([{ command, error: answer.error, at: this.now() }]);
        }
        void this.persist().then(() => {
          this.changed();
          this.answers.get(command.commandId)?.(answer);
          this.answers.delete(command.commandId);
          this.kick();
        });
      },
      (error: unknown) => {
        // The link failed mid-send; whether the hub got it or not, re-sending is safe.
        this.sending = false;
        this.options.log?.(`could not send ${command.type} (${command.commandId}): ${String(error)}`);
        setTimeout(() => this.kick(), this.options.retryMs ?? 1000);
      },
    );
  }

  /**
   * Writes the unsent entries and the refusals not yet dismissed (an operator must not take an
   * action refused before a reload or restart for one that went through); writes are chained so
   * they land in order.
   */
  private persist(): Promise<void> {
    const store = this.options.store;
    if (!store || this.stopped || !this.loaded) return this.saving;
    const unsent = this.entries
      .filter((waiting) => waiting.acceptedAt === null)
      .map((waiting) => waiting.entry);
    const stored: StoredOutbox = {
      entries: unsent,
      rejected: this.rejected,
      rejectedDropped: this.rejectedDropped,
    };
    this.saving = this.saving
      .then(() => store.saveOutbox(stored))
      .catch((error: unknown) => this.options.log?.(`could not save the outbox: ${String(error)}`));
    return this.saving;
  }

  /**
   * Tells the listener. Its failure is its own: told before an action's write lands, a throw here
   * used to leave the action unstored for good, holding back every action after it; told as an
   * answer comes, it left the answer undelivered and the queue unkicked.
   */
  private changed(): void {
    try {
      this.options.onChange(this.state());
    } catch (error) {
      this.options.log?.(`an outbox listener failed: ${String(error)}`);
    }
  }
}

function notSentToAnotherHub(command: Command): string {
  return (
    `Not sent: the hub is not the one this was queued on (it was replaced, or its data was reset), ` +
    `so ${command.incidentId} there may be another incident. Check the board and do it again if it still applies.`
  );
}

function notSentAsSomeoneElse(command: Command, madeBy: string, signedIn: string): string {
  return (
    `Not sent: ${madeBy} queued this on ${command.incidentId} while the hub was unreachable, and ` +
    `${signedIn} is signed in now; the hub would record it as ${signedIn}. Do it again if it still applies.`
  );
}

function lostWithTheOldHub(command: Command): string {
  return (
    `The hub accepted this, then was replaced (or its data was reset) before this console saw it ` +
    `done: it is no longer recorded. Check ${command.incidentId} on the board and do it again if it still applies.`
  );
}
