import { readFileSync } from 'node:fs';

// A Chromium trace as the benchmarks write it (Playwright's startTracing, or DevTools), read back
// for the scripts that say where its time went (trace-split.ts, long-tasks.ts).

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: {
    readonly name?: string;
    readonly data?: { readonly type?: string; readonly functionName?: string; readonly url?: string };
  };
}

/** The trace's events, and the name of the thread an event ran on. */
export function readTrace(file: string): {
  readonly events: ReadonlyArray<TraceEvent>;
  readonly threadOf: (event: TraceEvent) => string;
} {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(json) ? json : json.traceEvents;
  const names = new Map<string, string>();
  for (const event of events)
    if (event.ph === 'M' && event.name === 'thread_name')
      names.set(`${event.pid}:${event.tid}`, event.args?.name ?? '?');
  return { events, threadOf: (event) => names.get(`${event.pid}:${event.tid}`) ?? '?' };
}
