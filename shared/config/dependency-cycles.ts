import { CONFIG_FILES, type ConfigProblem } from './files';
import type { Service } from './types';

// Real estates have dependency cycles: auth-api and user-service call each other, and catalogs
// generated from a service mesh always have some. A cycle is accepted, with a warning that names
// it and the depends_on entry closing it, because it is worth a second look: impact walks mark
// what they visited, so they stop going round, and the map draws the closing edge apart. A
// service that needs itself is the shortest cycle. Unknown services are reported elsewhere.

/**
 * Cycles named one by one; the rest are counted in one more warning. A generated mesh catalog
 * can close thousands of cycles, each through thousands of services: naming them all wrote
 * ~100 MB of warnings for 5,000 services, and grew with the square of the catalog.
 */
const MAX_NAMED_CYCLES = 20;
/** Services of a long cycle named at each end; the middle is counted. */
const CYCLE_ENDS = 5;

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
  let unnamed: { first: ConfigProblem['path']; count: number } | null = null;
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
        if (problems.length < MAX_NAMED_CYCLES)
          report([...stack.slice(stack.lastIndexOf(dependency)), dependency], s, d);
        else if (unnamed === null) unnamed = { first: ['services', s, 'depends_on', d], count: 1 };
        else unnamed.count += 1;
      }
    }
  };

  for (const service of services) if (!state.has(service.id)) visit(service.id);
  const more = unnamed as { first: ConfigProblem['path']; count: number } | null;
  if (more !== null)
    problems.push({
      file: CONFIG_FILES.services,
      path: more.first,
      message: `${more.count} more depends_on entries (this one first) close dependency cycles, not named one by one: accepted, as the ${MAX_NAMED_CYCLES} above`,
    });
  return problems;
}

function cycleMessage(cycle: ReadonlyArray<string>): string {
  const path =
    cycle.length <= CYCLE_ENDS * 2 + 1
      ? cycle.join(' → ')
      : [
          ...cycle.slice(0, CYCLE_ENDS),
          `(${cycle.length - CYCLE_ENDS * 2} more)`,
          ...cycle.slice(-CYCLE_ENDS),
        ].join(' → ');
  const what =
    cycle.length === 2 ? `service "${cycle[0]}" depends on itself (${path})` : `dependency cycle ${path}`;
  return `${what}: accepted; impact stops where it has been, and the map draws the edge closing the cycle as a dashed arc`;
}
