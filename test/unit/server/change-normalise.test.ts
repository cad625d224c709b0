import { describe, expect, it } from 'vitest';
import { ChangeServiceUnknown, changeFromGeneric, changeFromPagerduty } from '../../../server/ingest/change';
import type { SitroomConfig } from '../../../shared/config/types';
import { genericChangeSchema, pagerdutyChangeSchema } from '../../../shared/ingest/change-event';

// Change bodies to changes: which service, which kind, who, when.

const config = {
  services: [
    {
      id: 'payments-db',
      match: { labels: {}, pagerdutyComponents: [], pagerdutySources: ['pg-pay-01.dc1'] },
    },
  ],
} as unknown as SitroomConfig;
const NOW = Date.UTC(2026, 11, 5, 5, 0);

const pd = (payload: Record<string, unknown>, links: unknown[] = []) =>
  pagerdutyChangeSchema.parse({ routing_key: 'k', payload: { summary: 's', ...payload }, links });

describe('a PagerDuty change event', () => {
  it('belongs to custom_details.service first', () => {
    const change = changeFromPagerduty(
      pd({ source: 'pg-pay-01.dc1', custom_details: { service: 'checkout-web' } }),
      config,
      NOW,
    );
    expect(change.service).toBe('checkout-web');
  });

  it('then to the catalog service claiming its source, then to the source itself', () => {
    expect(changeFromPagerduty(pd({ source: 'pg-pay-01.dc1' }), config, NOW).service).toBe('payments-db');
    expect(changeFromPagerduty(pd({ source: 'search-api' }), config, NOW).service).toBe('search-api');
  });

  it('has no service without either', () => {
    expect(() => changeFromPagerduty(pd({}), config, NOW)).toThrow(ChangeServiceUnknown);
  });

  it('is a deploy unless custom_details says otherwise, and names who made it', () => {
    const plain = changeFromPagerduty(pd({ source: 'x' }), config, NOW);
    expect([plain.kind, plain.by, plain.at]).toEqual(['deploy', null, NOW]);
    const flag = changeFromPagerduty(
      pd({
        source: 'x',
        timestamp: '2026-12-05T04:56:00.000+0000',
        custom_details: { type: 'Flag', author: 'dana' },
      }),
      config,
      NOW,
    );
    expect([flag.kind, flag.by, flag.at]).toEqual(['flag', 'dana', NOW - 4 * 60_000]);
    expect(
      changeFromPagerduty(pd({ source: 'x', custom_details: { kind: 'rollout' } }), config, NOW).kind,
    ).toBe('other');
  });

  it('reads only own string fields of custom_details', () => {
    const details = Object.create({ service: 'inherited' }) as Record<string, unknown>;
    details.by = { name: 'not a string' };
    const change = changeFromPagerduty(pd({ source: 'x', custom_details: details }), config, NOW);
    expect([change.service, change.by]).toEqual(['x', null]);
  });
});

describe('the links of a change', () => {
  it('are http(s) only', () => {
    expect(
      pagerdutyChangeSchema.safeParse({
        routing_key: 'k',
        payload: { summary: 's' },
        links: [{ href: 'https://ci.example/1' }],
      }).success,
    ).toBe(true);
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,x',
      '/relative',
      'ftp://x.example/',
      ' JAVASCRIPT:x',
    ]) {
      const parsed = genericChangeSchema.safeParse({ service: 's', summary: 's', links: [{ href }] });
      expect([href, parsed.success]).toEqual([href, false]);
    }
  });
});

describe('a generic change', () => {
  it('keeps what it says, with the hub’s time when it gives none', () => {
    const change = changeFromGeneric(
      genericChangeSchema.parse({ service: 'kafka', summary: 'broker 3' }),
      NOW,
    );
    expect(change).toMatchObject({
      service: 'kafka',
      summary: 'broker 3',
      kind: 'other',
      by: null,
      at: NOW,
      links: [],
    });
  });
});
