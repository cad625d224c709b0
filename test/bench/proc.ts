import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// What the peer, fan-out, resync and soak benchmarks read about processes: CPU time and resident
// memory from /proc (so the hub is measured from outside, as it runs), a scale factor for smoke
// runs on a busy machine, and a free loopback port for Alertmanager, which cannot take port 0.

/** BENCH_SCALE=0.1 shrinks counts and durations for a smoke run; figures need the default 1. */
export function benchScale(): number {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  return scale > 0 ? scale : 1;
}

/** Scaled count, never below `min` (some figures mean nothing under a minimum sample). */
export const scaled = (full: number, min = 1): number => Math.max(min, Math.round(full * benchScale()));

// USER_HZ is part of the kernel ABI: 100 on every Linux we run on (`getconf CLK_TCK`).
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used, all threads (libuv pool, SQLite) included. */
export function cpuSeconds(pid: number): number {
  return statCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** User + system CPU seconds of one thread of a process (its main thread's tid is the pid). */
export function threadCpuSeconds(pid: number, tid: number): number {
  return statCpuSeconds(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
}

function statCpuSeconds(stat: string): number {
  // The command name (field 2) may hold spaces; fields after it start with the state (field 3).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Starts a CPU meter; calling the result gives the share of one core used since, in percent. */
export function cpuMeter(pid: number): () => number {
  const cpu0 = cpuSeconds(pid);
  const wall0 = performance.now();
  return () => (100 * (cpuSeconds(pid) - cpu0)) / ((performance.now() - wall0) / 1000);
}

/** Resident set size in MiB (VmRSS). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kB ? Number(kB) / 1024 : Number.NaN;
}

let gcFunction: (() => void) | null = null;
/** A full GC in this process, so heap samples show what is live, not what is garbage yet. */
export function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Least-squares slope of y over x. */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const num = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  return den === 0 ? Number.NaN : num / den;
}
