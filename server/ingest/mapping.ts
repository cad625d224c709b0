import { severityTableFor } from '../../shared/config/assemble';
import type { Integration, SitroomConfig } from '../../shared/config/types';
import { ownValue } from '../../shared/dict';
import type { MappingOptions } from './alertmanager';

// How one integration's alerts map onto services and severities, from the configuration:
// the catalog's `match` rules first, then the service labels; its own severity words first.

/**
 * Each configuration's mappings, made once per integration and kept as long as that
 * configuration is the hub's (a reload makes a new one): made per delivery they were a merged
 * severity table, the catalog's rules taken apart again and a closure, for every webhook.
 */
const made = new WeakMap<SitroomConfig, Map<Integration | null, MappingOptions>>();

export function mappingFor(config: SitroomConfig, integration: Integration | null): MappingOptions {
  let byIntegration = made.get(config);
  if (byIntegration === undefined) {
    byIntegration = new Map();
    made.set(config, byIntegration);
  }
  let mapping = byIntegration.get(integration);
  if (mapping === undefined) {
    mapping = makeMapping(config, integration);
    byIntegration.set(integration, mapping);
  }
  return mapping;
}

function makeMapping(config: SitroomConfig, integration: Integration | null): MappingOptions {
  // The catalog's label rules in file order; a service with none claims nothing by labels.
  const rules = config.services
    .map((service) => ({ id: service.id, wanted: Object.entries(service.match.labels) }))
    .filter((rule) => rule.wanted.length > 0);
  return {
    severityTable: integration ? severityTableFor(config, integration) : config.severityMap,
    serviceLabels: integration?.serviceLabel ? [integration.serviceLabel] : config.serviceLabels,
    serviceByLabels: (labels) => {
      for (const rule of rules) {
        if (rule.wanted.every(([key, value]) => ownValue(labels, key) === value)) return rule.id;
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
