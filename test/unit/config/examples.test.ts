import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import type { SitroomConfig } from '../../../shared/config/types';
import { choosePolicy } from '../../../shared/escalation/ladder';
import { slotAt } from '../../../shared/oncall/rotation';
import { EXAMPLES } from '../../support/examples';

// The example configuration a NOC copies: it loads with one warning (its dependency cycle; every
// person it can page has a pager to reach them), its rotations hand over where the comments say
// across time zones and daylight-saving changes, its overrides (written in other zones) win, its routes pick the policies the comments
// promise, and its Prometheus and Alertmanager files pass their own tools' checks.

async function examples(): Promise<SitroomConfig> {
  const result = await loadConfig(EXAMPLES);
  if (!result.ok) throw new Error(`examples/ has mistakes: ${JSON.stringify(result.errors)}`);
  return result.config;
}

const onCall = (config: SitroomConfig, rotationId: string, iso: string): string => {
  const rotation = config.rotations.find((candidate) => candidate.id === rotationId);
  if (!rotation) throw new Error(`no rotation ${rotationId}`);
  return slotAt(rotation, Date.parse(iso)).userId;
};

describe('examples/', () => {
  it('loads, warning about its dependency cycle only: everyone it can page is reachable', async () => {
    const result = await loadConfig(EXAMPLES);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^services\.yaml:\d+: dependency cycle auth-api → user-service → auth-api/,
    );
    // A person with no pager would be shown "not reachable" in the escalation view of the very
    // configuration a newcomer copies (and of the demo, which plays it).
    expect(result.warnings.some((warning) => warning.includes('no page reaches'))).toBe(false);
    expect(result.config.openMode).toBe(false);
    expect(result.config.services.length).toBe(34);
    expect(result.config.teams.length).toBe(8);
    expect(Object.keys(result.config.runbooks).length).toBeGreaterThanOrEqual(6);
    for (const runbook of Object.values(result.config.runbooks))
      expect(runbook.steps.length).toBeGreaterThan(0);
  });

  it('follows the sun: Tokyo, Lisbon, Chicago, and Bangalore covering New Year in its own time', async () => {
    const config = await examples();
    expect(onCall(config, 'noc-follow-the-sun', '2027-01-05T03:00:00Z')).toBe('kenji');
    expect(onCall(config, 'noc-follow-the-sun', '2027-01-05T10:00:00Z')).toBe('ana');
    expect(onCall(config, 'noc-follow-the-sun', '2027-01-05T20:00:00Z')).toBe('marcus');
    // The override was written as 05:30–13:30 in Bangalore (+05:30): 00:00–08:00 UTC.
    expect(onCall(config, 'noc-follow-the-sun', '2026-12-30T23:59:00Z')).toBe('marcus');
    expect(onCall(config, 'noc-follow-the-sun', '2026-12-31T00:00:00Z')).toBe('priya');
    expect(onCall(config, 'noc-follow-the-sun', '2026-12-31T07:59:00Z')).toBe('priya');
    expect(onCall(config, 'noc-follow-the-sun', '2026-12-31T08:00:00Z')).toBe('ana');
  });

  it('keeps the data platform hand-offs at 08:00 and 20:00 London time across the clock change', async () => {
    const config = await examples();
    // Winter (GMT): 08:00 London is 08:00 UTC.
    expect(onCall(config, 'data-platform-oncall', '2027-03-26T07:59:00Z')).toBe('noah');
    expect(onCall(config, 'data-platform-oncall', '2027-03-26T08:00:00Z')).toBe('fatima');
    // Summer (BST, from 28 March 2027): 08:00 London is 07:00 UTC.
    expect(onCall(config, 'data-platform-oncall', '2027-03-29T06:59:00Z')).toBe('noah');
    expect(onCall(config, 'data-platform-oncall', '2027-03-29T07:00:00Z')).toBe('fatima');
    expect(onCall(config, 'data-platform-oncall', '2027-03-29T19:00:00Z')).toBe('noah');
    // Eve's override, written in Stockholm time (+01:00), covers Noah's night of 11 January.
    expect(onCall(config, 'data-platform-oncall', '2027-01-11T19:59:00Z')).toBe('fatima');
    expect(onCall(config, 'data-platform-oncall', '2027-01-11T20:00:00Z')).toBe('eve');
    expect(onCall(config, 'data-platform-oncall', '2027-01-12T08:00:00Z')).toBe('fatima');
  });

  it('hands Payments over on Monday 09:00 New York time, with a Christmas swap agreed in Madrid time', async () => {
    const config = await examples();
    expect(onCall(config, 'payments-primary', '2026-12-21T13:59:00Z')).toBe('sofia');
    expect(onCall(config, 'payments-primary', '2026-12-21T14:00:00Z')).toBe('tom');
    expect(onCall(config, 'payments-primary', '2026-12-24T21:59:00Z')).toBe('tom');
    expect(onCall(config, 'payments-primary', '2026-12-24T22:00:00Z')).toBe('sofia');
    expect(onCall(config, 'payments-primary', '2026-12-26T14:00:00Z')).toBe('tom');
  });

  it('routes a sev1 on payments to the critical ladder and an informational alert to nobody urgent', async () => {
    const config = await examples();
    const policyOf = (services: string[], severity: 'sev1' | 'sev2' | 'sev3' | 'sev4') =>
      choosePolicy(config, { services, severity })?.id;
    expect(policyOf(['payments-api'], 'sev1')).toBe('payments-critical');
    expect(policyOf(['payments-api'], 'sev2')).toBe('payments');
    expect(policyOf(['payments-db'], 'sev1')).toBe('data-critical');
    expect(policyOf(['auth-api'], 'sev2')).toBe('identity');
    expect(policyOf(['search-index'], 'sev4')).toBe('low-urgency');
    expect(policyOf(['not-in-the-catalog'], 'sev2')).toBe('noc-default');
  });
});

const tool = (name: string): string | null =>
  ['/usr/bin', '/usr/local/bin'].map((dir) => join(dir, name)).find((path) => existsSync(path)) ?? null;
const promtool = tool('promtool');
const amtool = tool('amtool');

describe('examples/monitoring', () => {
  it.skipIf(promtool === null)(
    'alert-rules.yml passes `promtool check rules` (Debian package prometheus)',
    () => {
      const out = execFileSync(
        promtool as string,
        ['check', 'rules', join(EXAMPLES, 'monitoring', 'alert-rules.yml')],
        {
          encoding: 'utf8',
        },
      );
      expect(out).toContain('SUCCESS');
    },
  );

  it.skipIf(amtool === null)(
    'alertmanager.yml passes `amtool check-config` (Debian package prometheus-alertmanager)',
    () => {
      const out = execFileSync(
        amtool as string,
        ['check-config', join(EXAMPLES, 'monitoring', 'alertmanager.yml')],
        {
          encoding: 'utf8',
        },
      );
      expect(out).toContain('SUCCESS');
    },
  );
});
