import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Loaded into the hub by the soak benchmark only (NODE_OPTIONS=--import), never in production:
// on SIGUSR2 it runs a full GC and writes process.memoryUsage() to SITROOM_BENCH_HEAP_FILE, so
// the benchmark can read the hub's live heap from outside. Plain JavaScript because NODE_OPTIONS
// imports run before the command line's `--import tsx`.

const file = process.env.SITROOM_BENCH_HEAP_FILE;
if (file) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  let sample = 0;
  process.on('SIGUSR2', () => {
    gc();
    writeFileSync(file, JSON.stringify({ sample: ++sample, ...process.memoryUsage() }));
  });
}
