import { readTrace, type TraceEvent } from './trace-file';

// What the long tasks of a Chromium trace were: each top-level task over a threshold on a
// renderer's main thread, with the time of the kinds of work nested in it (script by function,
// GC, style, layout, paint). `tsx test/bench/long-tasks.ts trace.json [threshold ms = 50]`.

const TOP_LEVEL = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const NESTED = new Set([
  'FunctionCall',
  'EventDispatch',
  'FireAnimationFrame',
  'TimerFire',
  'MajorGC',
  'MinorGC',
  'V8.GC_MARK_COMPACTOR',
  'V8.GC_SCAVENGER',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'v8.deserialize',
  'ParseHTML',
  'EvaluateScript',
]);

function main(): void {
  const [file, thresholdText] = process.argv.slice(2);
  if (!file) throw new Error('usage: long-tasks.ts trace.json [threshold ms]');
  const threshold = Number(thresholdText ?? 50) * 1000;
  const { events, threadOf } = readTrace(file);
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const key = `${threadOf(event)} ${event.pid}:${event.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(event);
    byThread.set(key, list);
  }
  for (const [thread, list] of byThread) {
    if (!thread.startsWith('CrRendererMain ')) continue;
    list.sort((a, b) => a.ts - b.ts);
    for (const task of list) {
      if (!TOP_LEVEL.has(task.name) || (task.dur ?? 0) < threshold) continue;
      const end = task.ts + (task.dur ?? 0);
      const parts = new Map<string, number>();
      for (const event of list) {
        if (event.ts < task.ts || event.ts >= end || event === task || !NESTED.has(event.name)) continue;
        const what =
          event.name === 'FunctionCall'
            ? `FunctionCall ${event.args?.data?.functionName || '(anonymous)'} ${(event.args?.data?.url ?? '').split('/').pop()}`
            : event.name === 'EventDispatch'
              ? `EventDispatch ${event.args?.data?.type ?? ''}`
              : event.name;
        parts.set(what, (parts.get(what) ?? 0) + (event.dur ?? 0));
      }
      const top = [...parts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([what, us]) => `${what} ${(us / 1000).toFixed(1)}`)
        .join('; ');
      console.log(
        `${thread} +${((task.ts - (list[0]?.ts ?? 0)) / 1e6).toFixed(1)} s: ${((task.dur ?? 0) / 1000).toFixed(1)} ms — ${top}`,
      );
    }
  }
}

main();
