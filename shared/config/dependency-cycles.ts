import { CONFIG_FILES, type ConfigProblem } from './files';
import type { Service } from './types';

// Real estates have dependency cycles: auth-api and user-service call each other, and catalogs
// generated from a service mesh always have some. A cycle is accepted, with a warning that names
// it and the depends_on entry closing it, because it is worth a second look: impact walks mark
// what they visited, so they stop going round, and the map draws the closing edge apart. A
// service that needs itself is the shortest cycle. Unknown services are reported elsewhere.

/** Each dependency cycle once (whatever service it is entered from), at the depends_on entry that closes it. */
export function findDependencyCycles(services: ReadonlyArray<Service>): ConfigProblem[] {
  const index = new Map<string, number>();
  services.forEach((service, i) => {
    if (!index.has(service.id)) index.set(service.id, i);
  });
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const seenCycles = new Set<string>();
  const problems: ConfigProblem[] = [];
  const report = (cycle: ReadonlyArray<string>, s: number, d: number): void => {
    const key = [...new Set(cycle)].sort().join(' ');
    if (seenCycles.has(key)) return;
    seenCycles.add(key);
    problems.push({
      file: CONFIG_FILES.services,
      path: ['services', s, 'depends_on', d],
      message: cycleMessage(cycle),
    });
  };

  // Depth-first, iteratively: a generated catalog can nest deeper than the call stack allows.
  const visit = (root: string): void => {
    const frames: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    state.set(root, 'visiting');
    stack.push(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { id: string; next: number };
      const s = index.get(frame.id) ?? 0;
      const dependsOn = services[s]?.dependsOn ?? [];
      if (frame.next >= dependsOn.length) {
        frames.pop();
        stack.pop();
        state.set(frame.id, 'done');
        continue;
      }
      const d = frame.next++;
      const dependency = dependsOn[d] as string;
      if (!index.has(dependency)) continue;
      const seen = state.get(dependency);
      if (seen === undefined) {
        state.set(dependency, 'visiting');
        stack.push(dependency);
        frames.push({ id: dependency, next: 0 });
      } else if (seen === 'visiting') {
        report([...stack.slice(stack.lastIndexOf(dependency)), dependency], s, d);
      }
    }
  };

  for (const service of services) if (!state.has(service.id)) visit(service.id);
  return problems;
}

function cycleMessage(cycle: ReadonlyArray<string>): string {
  const path = cycle.join(' → ');
  const what =
    cycle.length === 2 ? `service "${cycle[0]}" depends on itself (${path})` : `dependency cycle ${path}`;
  return `${what}: accepted; impact stops where it has been, and the map draws the edge closing the cycle as a dashed arc`;
}
