// A small seeded generator for property tests (mulberry32): the same seed replays the same
// cases, so a failure prints its seed and can be run again exactly. No dependency needed.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: ReadonlyArray<T>): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: ReadonlyArray<T>): T => items[int(0, items.length - 1)] as T,
  };
}

/** Runs `check` for `runs` seeds derived from SEED (env) or a fixed default; names the failing seed. */
export function forEachSeed(runs: number, check: (random: Random, seed: number) => void): void {
  const base = Number(process.env.SEED ?? 20_260_329);
  for (let i = 0; i < runs; i++) {
    const seed = base + i;
    try {
      check(seededRandom(seed), seed);
    } catch (error) {
      throw new Error(`property failed for seed ${seed} (rerun with SEED=${seed}): ${String(error)}`, {
        cause: error,
      });
    }
  }
}
