import { describe, expect, it } from 'vitest';
import { whyNoSilence } from '../../../../../renderer/incident/actions/silence-reach';
import type { Alert } from '../../../../../shared/domain';
import { firingAlert } from '../../incident-fixtures';

// Whether the console offers silencing: only when the incident's alerts came through an
// Alertmanager the hub has an api_url for; otherwise the reason, in the hub's own words.

const from = (integration: string | undefined, fingerprint: string): Alert => ({
  ...firingAlert(fingerprint),
  source: 'alertmanager',
  ...(integration === undefined ? {} : { integration }),
});
const incidentWith = (...alerts: Alert[]) => ({
  id: 'INC-7',
  alerts: Object.fromEntries(alerts.map((alert) => [alert.fingerprint, alert])),
});

describe('whyNoSilence', () => {
  it('says the Alertmanager cannot be reached when none of its integrations has an api_url', () => {
    expect(whyNoSilence(incidentWith(from('prom-dc1', 'a'), from('prom-dc2', 'b')), ['grafana'])).toBe(
      "INC-7's alerts came through prom-dc1, prom-dc2, and integrations.yaml gives none of them an api_url; Sitroom cannot reach that Alertmanager.",
    );
    expect(whyNoSilence(incidentWith(from('prom-dc1', 'a')), [])).toMatch(/gives none of them an api_url/);
  });

  it('offers silencing when one of them has an api_url', () => {
    expect(whyNoSilence(incidentWith(from('prom-dc1', 'a'), from('prom-dc2', 'b')), ['prom-dc2'])).toBeNull();
  });

  it('says there is nowhere to silence alerts no Alertmanager sent', () => {
    expect(whyNoSilence(incidentWith(from(undefined, 'a')), ['prom-dc1'])).toMatch(/^None of INC-7's alerts/);
  });

  it('leaves it to the hub when the console cannot tell: alerts not here yet, or an older hub', () => {
    expect(whyNoSilence(null, [])).toBeNull();
    expect(whyNoSilence(incidentWith(from('prom-dc1', 'a')), undefined)).toBeNull();
  });
});
