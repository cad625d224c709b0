import { jsonListInSlices } from '../../shared/json-in-slices';
import type { HubState } from '../state';
import type { EventLog } from './event-log';

// Snapshots of the folded state, so a start replays little of the log. A snapshot waits for a
// quiet second (writing a big board costs the store a while), and its JSON is made a slice at a
// time, so even a hub that never pauses (forced, one in a million events) keeps answering. With
// several hubs only the leader takes them (they all fold the same log). A snapshot that fails is
// logged and tried again later: it is a cache.

/** Snapshot the folded state after this many events, so restarts replay little. */
const SNAPSHOT_EVERY_EVENTS = 100_000;
const SNAPSHOT_QUIET_MS = 1000;
const SNAPSHOT_FORCED_EVENTS = 1_000_000;

export class Snapshots {
  private since: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  /** Whether this hub takes snapshots (the leader does). */
  enabled = false;
  /** When this hub last saved one, or started (ms): the snapshot age metric. */
  savedAt = Date.now();

  constructor(
    private readonly log: Pick<EventLog, 'saveSnapshot'>,
    private readonly state: HubState,
    lastSnapshotSeq: number,
    private readonly report: (line: string) => void,
  ) {
    this.since = state.seq - lastSnapshotSeq;
  }

  /** Events folded since the last snapshot. */
  get eventsBehind(): number {
    return this.since;
  }

  /** Counts folded events and plans a snapshot when enough have passed. */
  counted(events: number): void {
    this.since += events;
    if (!this.enabled || this.saving) return;
    if (this.since >= SNAPSHOT_FORCED_EVENTS) setImmediate(() => void this.save());
    else if (this.since >= SNAPSHOT_EVERY_EVENTS) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.save(), SNAPSHOT_QUIET_MS);
      this.timer.unref();
    }
  }

  /** Saves one now if any event came since the last (a clean shutdown). */
  async saveIfBehind(): Promise<void> {
    await this.saving;
    if (this.enabled && this.since > 0) await this.save();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.saving) return this.saving;
    const seq = this.state.seq;
    const counted = this.since;
    // Taken now, encoded a slice at a time: folded incidents are never changed, so the body is
    // the state at `seq` while the hub goes on folding and answering.
    const incidents = [...this.state.incidents()];
    this.saving = jsonListInSlices(incidents)
      .then((list) => this.log.saveSnapshot(seq, `{"seq":${seq},"incidents":[${list}]}`))
      .then(
        () => {
          this.since -= counted;
          this.savedAt = Date.now();
        },
        (error: unknown) =>
          this.report(`snapshot: could not save at seq ${seq} (will try again): ${String(error)}`),
      )
      .finally(() => {
        this.saving = null;
      });
    return this.saving;
  }
}
