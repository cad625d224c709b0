import { describe, expect, it } from 'vitest';
import {
  CHANGES_WINDOW_MS,
  type Change,
  changeOffset,
  describeChangeBefore,
} from '../../../../shared/changes/change';
import { changesScope } from '../../../../shared/changes/changes-scope';
import { graphOf } from '../impact/impact-fixtures';

// Which changes can explain an incident: its services and what they depend on, the hour before.

const estate = graphOf({
  'checkout-web': ['edge-lb', 'payments-api'],
  'payments-api': ['payments-db', 'kafka'],
  'payments-db': [],
  kafka: [],
  'edge-lb': [],
  'search-api': ['kafka'],
  'mobile-app': ['checkout-web'],
});

describe('changesScope', () => {
  it('takes the services and their dependencies, transitively, but not their dependants', () => {
    const scope = changesScope(estate, ['checkout-web'], 10 * CHANGES_WINDOW_MS);
    expect(scope.services).toEqual(['checkout-web', 'edge-lb', 'kafka', 'payments-api', 'payments-db']);
    expect(scope.services).not.toContain('mobile-app');
    expect(scope.services).not.toContain('search-api');
  });

  it('unites several services, each once', () => {
    expect(changesScope(estate, ['search-api', 'payments-db'], 0).services).toEqual([
      'kafka',
      'payments-db',
      'search-api',
    ]);
  });

  it('keeps a service outside the catalog, with no dependencies', () => {
    expect(changesScope(estate, ['legacy-batch'], 0).services).toEqual(['legacy-batch']);
  });

  it('looks at the hour before the incident opened', () => {
    const openedAt = Date.UTC(2026, 11, 5, 5, 0);
    expect(changesScope(estate, ['kafka'], openedAt)).toMatchObject({
      from: openedAt - 60 * 60 * 1000,
      to: openedAt,
    });
  });

  it('stops on a cycle (the loader refuses them, a hand-made catalog may not)', () => {
    const cyclic = graphOf({ a: ['b'], b: ['a'] });
    expect(changesScope(cyclic, ['a'], 0).services).toEqual(['a', 'b']);
  });
});

describe('how a change reads', () => {
  const change: Change = {
    id: '01J',
    service: 'checkout-web',
    kind: 'deploy',
    summary: 'v2.3',
    by: 'ci',
    at: Date.UTC(2026, 11, 5, 4, 56),
    source: null,
    links: [],
  };

  it('says what, where, who and how long before', () => {
    expect(describeChangeBefore(change, Date.UTC(2026, 11, 5, 5, 0))).toBe(
      'deploy checkout-web v2.3 by ci, 4 min before',
    );
    expect(describeChangeBefore({ ...change, by: null }, change.at)).toBe(
      'deploy checkout-web v2.3, just before',
    );
  });

  it('counts seconds, minutes and hours, before and after', () => {
    expect(changeOffset(0, 42_000)).toBe('42 s before');
    expect(changeOffset(0, 59 * 60_000)).toBe('59 min before');
    expect(changeOffset(0, 3 * 3_600_000)).toBe('3 h before');
    expect(changeOffset(90_000, 0)).toBe('2 min after');
  });
});
