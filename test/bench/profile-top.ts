import { readFileSync } from 'node:fs';

// The functions a V8 CPU profile (.cpuprofile, from Chromium's or Node's profiler) spent the most
// self time in, with where they are. `tsx test/bench/profile-top.ts file.cpuprofile [count = 25]`.

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
}

interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>;
  readonly samples: ReadonlyArray<number>;
  readonly timeDeltas: ReadonlyArray<number>;
}

function main(): void {
  const [file, countText] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-top.ts file.cpuprofile [count]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    if (!frame) return;
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + delta);
  });
  console.log(`total ${(total / 1000).toFixed(0)} ms`);
  for (const [where, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(countText ?? 25)))
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(7)} ms  ${where}`,
    );
}

main();
