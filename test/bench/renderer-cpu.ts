import { readdirSync, readFileSync } from 'node:fs';
import { cpuSeconds } from './proc';

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
