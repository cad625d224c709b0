import { readdirSync, readFileSync } from 'node:fs';
import { cpuSeconds } from './proc';

// The CPU Chromium's renderer processes (the page's, and the console worker's if it has its own)
// use, read from /proc. Only renderers this benchmark launched count: the machine is shared and
// other runs may have their own Chromium.

/** Pids of `--type=renderer` processes descended from this process. */
export function ownRendererPids(): number[] {
  const parent = new Map<number, number>();
  const renderers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) renderers.push(pid);
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

/** Starts a meter over the renderers alive now; the result gives CPU seconds used since. */
export function rendererCpuMeter(): () => number {
  const pids = ownRendererPids();
  const start = pids.map(cpuOrZero);
  return () => pids.reduce((sum, pid, i) => sum + cpuOrZero(pid) - (start[i] ?? 0), 0);
}
