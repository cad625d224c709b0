// Whether the hub can make things durable right now. A failed commit marks the store unavailable
// (ingest answers 503, /healthz 503, consoles are told the hub is degraded) until a commit
// succeeds again; the writer probes with a small commit meanwhile, so a quiet hub recovers too.

export type StoreStatus =
  | { readonly ok: true }
  | { readonly ok: false; readonly since: number; readonly reason: string };

export class StoreHealth {
  private current: StoreStatus = { ok: true };
  private readonly listeners: Array<(status: StoreStatus) => void> = [];

  constructor(private readonly now: () => number = Date.now) {}

  get status(): StoreStatus {
    return this.current;
  }

  onChange(listener: (status: StoreStatus) => void): void {
    this.listeners.push(listener);
  }

  failed(error: unknown): void {
    if (!this.current.ok) return;
    const reason = error instanceof Error ? error.message : String(error);
    this.set({ ok: false, since: this.now(), reason });
  }

  succeeded(): void {
    if (!this.current.ok) this.set({ ok: true });
  }

  private set(status: StoreStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }
}
