import type { Clock } from './clock';

// Every pending escalation deadline in one min-heap behind a single timer for the earliest, so
// 10,000 running escalations cost one setTimeout, not 10,000. Rescheduling or cancelling leaves
// the old heap entry behind and skips it when it surfaces (lazy deletion); the heap is rebuilt
// when such leftovers outnumber the live entries.

interface Entry {
  readonly at: number;
  readonly key: string;
}

export class DeadlineQueue {
  private heap: Entry[] = [];
  private readonly due = new Map<string, number>();
  private armed: { at: number; cancel: () => void } | null = null;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly onDue: (key: string, at: number) => void,
  ) {}

  /** How many deadlines are pending. */
  get size(): number {
    return this.due.size;
  }

  /** Sets (or moves) the deadline of `key`. */
  schedule(key: string, at: number): void {
    if (this.closed) return;
    this.due.set(key, at);
    this.push({ at, key });
    if (this.heap.length > 2 * this.due.size + 1024) this.compact();
    this.arm();
  }

  cancel(key: string): void {
    this.due.delete(key);
  }

  close(): void {
    this.closed = true;
    this.armed?.cancel();
    this.armed = null;
    this.heap = [];
    this.due.clear();
  }

  private fire(): void {
    this.armed = null;
    const now = this.clock.now();
    for (let top = this.heap[0]; top && top.at <= now; top = this.heap[0]) {
      this.pop();
      if (this.due.get(top.key) !== top.at) continue; // moved or cancelled since
      this.due.delete(top.key);
      this.onDue(top.key, top.at);
      if (this.closed) return;
    }
    this.arm();
  }

  private arm(): void {
    const top = this.heap[0];
    if (!top || this.closed) return;
    if (this.armed && this.armed.at <= top.at) return;
    this.armed?.cancel();
    const at = top.at;
    this.armed = { at, cancel: this.clock.setTimer(at, () => this.fire()) };
  }

  private compact(): void {
    const live = [...this.due].map(([key, at]) => ({ key, at }));
    this.heap = [];
    for (const entry of live) this.push(entry);
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as Entry).at <= entry.at) break;
      heap[i] = heap[parent] as Entry;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && (heap[right] as Entry).at < (heap[left] as Entry).at ? right : left;
      if ((heap[child] as Entry).at >= last.at) break;
      heap[i] = heap[child] as Entry;
      i = child;
    }
    heap[i] = last;
  }
}
