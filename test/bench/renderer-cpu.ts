import { readdirSync, readFileSync } from 'node:fs';
import { cpuSeconds, threadCpuSeconds } from './proc';

// The CPU Chromium's renderer processes (the page's, and the console worker's if it has its own)
// use, read from /proc. Only renderers this benchmark launched count: the machine is shared and
// other runs may have their own Chromium.

/** Pids of Chromium processes of a `--type=` (renderer, gpu-process) descended from this process. */
export function ownChromiumPids(type: string): number[] {
  const parent = new Map<number, number>();
  const renderers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--type=${type}`)) renderers.push(pid);
    } catch {
      // Gone between the listing and the read.
    }
  }
  const descends = (pid: number): boolean => {
    for (let at = parent.get(pid); at !== undefined && at > 1; at = parent.get(at))
      if (at === process.pid) return true;
    return false;
  };
  return renderers.filter(descends);
}

const cpuOrZero = (pid: number): number => {
  try {
    return cpuSeconds(pid);
  } catch {
    return 0;
  }
};

/**
 * Starts a meter over the processes of a type alive now (renderers by default: the page and the
 * console worker; "gpu-process" holds the display compositor); the result gives CPU seconds since.
 */
export function chromiumCpuMeter(type = 'renderer'): () => number {
  const pids = ownChromiumPids(type);
  const start = pids.map(cpuOrZero);
  return () => pids.reduce((sum, pid, i) => sum + cpuOrZero(pid) - (start[i] ?? 0), 0);
}

/** A thread's user + system CPU seconds (its /proc task stat), 0 once it is gone. */
function threadCpu(pid: number, tid: number): number {
  try {
    return threadCpuSeconds(pid, tid);
  } catch {
    return 0;
  }
}

/** Which of a renderer's threads: its main thread (the page's, or the worker's process's), the compositor, the pool. */
function threadGroup(pid: number, tid: number): string {
  if (tid === pid) return 'main';
  let name = '';
  try {
    name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
  } catch {
    return 'other';
  }
  if (name === 'Compositor') return 'compositor';
  if (name.startsWith('ThreadPool')) return 'pool';
  return 'other';
}

function rendererThreads(): Array<{ readonly pid: number; readonly tid: number }> {
  return ownChromiumPids('renderer').flatMap((pid) => {
    try {
      return readdirSync(`/proc/${pid}/task`).map((tid) => ({ pid, tid: Number(tid) }));
    } catch {
      return [];
    }
  });
}

/**
 * Starts a meter of the renderers' CPU by kind of thread (main, compositor, pool: raster and
 * V8's compilers and GC, other); the result gives seconds since, per kind. Threads started
 * meanwhile count from zero.
 */
export function rendererThreadCpuMeter(): () => Map<string, number> {
  const start = new Map<string, number>();
  for (const { pid, tid } of rendererThreads()) start.set(`${pid}:${tid}`, threadCpu(pid, tid));
  return () => {
    const used = new Map<string, number>();
    for (const { pid, tid } of rendererThreads()) {
      const group = threadGroup(pid, tid);
      const spent = threadCpu(pid, tid) - (start.get(`${pid}:${tid}`) ?? 0);
      used.set(group, (used.get(group) ?? 0) + spent);
    }
    return used;
  };
}
