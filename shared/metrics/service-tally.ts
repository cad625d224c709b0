import { ownValue } from '../dict';
import type { IncidentFacts } from './incident-facts';
import type { ServiceCount } from './report';

// Which services were involved, and which are noisy. Ties are broken by service id so the same log
// always gives the same order (a wall display must not shuffle rows on every refresh).

/** How many services `noisiestServices` lists. */
export const NOISIEST_LIMIT = 10;

const byName = (a: ServiceCount, b: ServiceCount): number =>
  a.service < b.service ? -1 : a.service > b.service ? 1 : 0;

/** Incidents and alerts per service, over the incidents added. */
export class ServiceTally {
  private readonly counts = new Map<string, { incidents: number; alerts: number }>();

  add(facts: IncidentFacts): void {
    for (const service of facts.services) {
      const count = this.counts.get(service) ?? { incidents: 0, alerts: 0 };
      count.incidents += 1;
      count.alerts += ownValue(facts.alertsByService, service) ?? 0;
      this.counts.set(service, count);
    }
  }

  /** Every service: most incidents first, then most alerts, then by id. */
  byIncidents(): ServiceCount[] {
    return this.all().sort((a, b) => b.incidents - a.incidents || b.alerts - a.alerts || byName(a, b));
  }

  /** The services that fired most alerts: most alerts first, then most incidents, then by id. */
  noisiest(limit = NOISIEST_LIMIT): ServiceCount[] {
    return this.all()
      .sort((a, b) => b.alerts - a.alerts || b.incidents - a.incidents || byName(a, b))
      .slice(0, limit);
  }

  private all(): ServiceCount[] {
    return [...this.counts].map(([service, count]) => ({ service, ...count }));
  }
}
