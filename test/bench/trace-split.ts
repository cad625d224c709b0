import { readTrace } from './trace-file';

// Where the time of a filter keystroke goes, from a Chromium trace of the filter benchmark
// (BENCH_FILTER_TRACE=file): per thread (the page's main thread, the console worker's), the time
// spent in each kind of task, divided by the keys traced. `tsx test/bench/trace-split.ts file keys`.

/** The tasks worth telling apart, by trace event name (and an event dispatch's type). */
const KINDS = new Map<string, string>([
  ['FireAnimationFrame', 'animation frame (interpreter + React render of the board)'],
  ['FunctionCall', 'script (all)'],
  ['v8.deserialize', 'structured clone: read'],
  ['v8.serialize', 'structured clone: write'],
  ['MajorGC', 'GC'],
  ['MinorGC', 'GC'],
  ['V8.GC_SCAVENGER', 'GC'],
  ['Layout', 'layout'],
  ['UpdateLayoutTree', 'style'],
  ['Paint', 'paint'],
  ['PrePaint', 'paint'],
  ['Commit', 'paint'],
]);

export function splitTrace(file: string, keys: number): Map<string, Map<string, number>> {
  const { events, threadOf } = readTrace(file);
  const split = new Map<string, Map<string, number>>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const type = event.name === 'EventDispatch' ? event.args?.data?.type : undefined;
    const kind = type !== undefined ? `event: ${type}` : KINDS.get(event.name);
    if (kind === undefined) continue;
    const thread = `${threadOf(event)} (${event.pid}:${event.tid})`;
    const kinds = split.get(thread) ?? new Map<string, number>();
    kinds.set(kind, (kinds.get(kind) ?? 0) + event.dur / 1000 / keys);
    split.set(thread, kinds);
  }
  return split;
}

if (process.argv[2]) {
  const keys = Number(process.argv[3] ?? 1);
  for (const [thread, kinds] of splitTrace(process.argv[2], keys)) {
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    if (total < 0.05) continue;
    console.log(thread);
    for (const [kind, ms] of [...kinds].sort((a, b) => b[1] - a[1]))
      if (ms >= 0.05) console.log(`  ${kind.padEnd(60)} ${ms.toFixed(2)} ms/key`);
  }
}
