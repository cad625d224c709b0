import { severityTableFor } from '../../shared/config/assemble';
import type { Integration, SitroomConfig } from '../../shared/config/types';
import { ownValue } from '../../shared/dict';
import type { MappingOptions } from './alertmanager';

// How one integration's alerts map onto services and severities, from the configuration:
// the catalog's `match` rules first, then the service labels; its own severity words first.

export function mappingFor(config: SitroomConfig, integration: Integration | null): MappingOptions {
  return {
    severityTable: integration ? severityTableFor(config, integration) : config.severityMap,
    serviceLabels: integration?.serviceLabel ? [integration.serviceLabel] : config.serviceLabels,
    serviceByLabels: (labels) => {
      for (const service of config.services) {
        const wanted = Object.entries(service.match.labels);
        if (wanted.length > 0 && wanted.every(([key, value]) => ownValue(labels, key) === value))
          return service.id;
      }
      return null;
    },
  };
}

/** The catalog service a PagerDuty event's component or source belongs to, if one claims it. */
export function pagerdutyServiceFor(
  config: SitroomConfig,
  component: string | undefined,
  source: string,
): string | null {
  for (const service of config.services) {
    if (component && service.match.pagerdutyComponents.includes(component)) return service.id;
    if (service.match.pagerdutySources.includes(source)) return service.id;
  }
  return null;
}
