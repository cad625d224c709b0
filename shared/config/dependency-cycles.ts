import { CONFIG_FILES, type ConfigProblem } from './files';
import type { Service } from './types';

// The dependency graph is walked to find an incident's blast radius and probable root cause;
// a cycle there has no root, and is almost always a typo in depends_on. Self-dependencies and
// unknown services are reported elsewhere, so they are ignored here.

/** Reports each dependency cycle once, at the depends_on entry that closes it. */
export function findDependencyCycles(services: ReadonlyArray<Service>): ConfigProblem[] {
  const index = new Map<string, number>();
  services.forEach((service, i) => {
    if (!index.has(service.id)) index.set(service.id, i);
  });
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const seenCycles = new Set<string>();
  const problems: ConfigProblem[] = [];

  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    const s = index.get(id) ?? 0;
    const service = services[s];
    service?.dependsOn.forEach((dependency, d) => {
      if (dependency === id || !index.has(dependency)) return;
      const seen = state.get(dependency);
      if (seen === undefined) visit(dependency);
      else if (seen === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(dependency)), dependency];
        const key = [...new Set(cycle)].sort().join(' ');
        if (seenCycles.has(key)) return;
        seenCycles.add(key);
        problems.push({
          file: CONFIG_FILES.services,
          path: ['services', s, 'depends_on', d],
          message: `dependency cycle: ${cycle.join(' → ')}; depends_on must not lead back to the same service`,
        });
      }
    });
    stack.pop();
    state.set(id, 'done');
  };

  for (const service of services) if (!state.has(service.id)) visit(service.id);
  return problems;
}
