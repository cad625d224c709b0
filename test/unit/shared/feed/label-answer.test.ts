import { describe, expect, it } from 'vitest';
import { dictOf } from '../../../../shared/dict';
import { labelAnswer, MAX_LABEL_VALUES } from '../../../../shared/feed/label-answer';
import { alertWith, filterIncident } from '../../../support/filter-incidents';

// What the host answers when the filter bar completes `label:` or `team:`: names or one label's
// values, from the open incidents' alerts, lower case, those most incidents carry first, bounded.

const incidents = [
  filterIncident({
    id: 'INC-1',
    alerts: {
      a: alertWith({ Region: 'EU-West', team: 'payments' }),
      b: alertWith({ region: 'eu-north' }, 'b'),
    },
  }),
  filterIncident({ id: 'INC-2', alerts: { a: alertWith({ region: 'us-east', zone: 'a' }) } }),
  filterIncident({
    id: 'INC-3',
    status: 'resolved',
    alerts: { a: alertWith({ region: 'ap-south', rack: '7' }) },
  }),
];

describe('label values for completion', () => {
  it('names the labels of the open incidents, starting with what is typed', () => {
    // region is on two open incidents (twice on INC-1, counted once), team and zone on one each.
    expect(labelAnswer(incidents, { label: null, prefix: '' }).values).toEqual(['region', 'team', 'zone']);
    expect(labelAnswer(incidents, { label: null, prefix: 'R' }).values).toEqual(['region']);
  });

  it("gives one label's values, whatever case it was sent in", () => {
    expect(labelAnswer(incidents, { label: 'region', prefix: '' })).toEqual({
      label: 'region',
      prefix: '',
      values: ['eu-north', 'eu-west', 'us-east'],
    });
    expect(labelAnswer(incidents, { label: 'region', prefix: 'eu' }).values).toEqual(['eu-north', 'eu-west']);
    expect(labelAnswer(incidents, { label: 'colour', prefix: '' }).values).toEqual([]);
  });

  it('sends a screenful, not every value of a label like instance', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      filterIncident({
        id: `INC-${i}`,
        alerts: { a: alertWith({ instance: `host-${String(i).padStart(3, '0')}` }) },
      }),
    );
    const answer = labelAnswer(many, { label: 'instance', prefix: 'host-1' });
    expect(answer.values).toHaveLength(MAX_LABEL_VALUES);
    expect(answer.values[0]).toBe('host-100');
  });

  it('offers first what most open incidents carry', () => {
    const teams = ['identity', 'payments', 'payments', 'platform', 'payments', 'platform'].map((team, i) =>
      filterIncident({ id: `INC-${i}`, alerts: { a: alertWith({ team }), b: alertWith({ team }, 'b') } }),
    );
    expect(labelAnswer(teams, { label: 'team', prefix: '' }).values).toEqual([
      'payments',
      'platform',
      'identity',
    ]);
    expect(labelAnswer(teams, { label: 'team', prefix: 'p' }).values).toEqual(['payments', 'platform']);
  });

  it('does not offer label text nobody could see or type: control, bidi, zero-width, too long', () => {
    const hostile = filterIncident({
      id: 'INC-8',
      alerts: {
        a: alertWith({
          team: 'pay\u202Ements',
          'team\u200B': 'x',
          region: 'eu\nwest',
          zone: 'z'.repeat(201),
          rack: 'r1',
        }),
      },
    });
    expect(labelAnswer([hostile], { label: null, prefix: '' }).values).toEqual([
      'rack',
      'region',
      'team',
      'zone',
    ]);
    expect(labelAnswer([hostile], { label: 'team', prefix: '' }).values).toEqual([]);
    expect(labelAnswer([hostile], { label: 'region', prefix: '' }).values).toEqual([]);
    expect(labelAnswer([hostile], { label: 'zone', prefix: '' }).values).toEqual([]);
    expect(labelAnswer([hostile], { label: 'rack', prefix: '' }).values).toEqual(['r1']);
  });

  it('takes hostile label names as text, never as object keys', () => {
    const hostile = filterIncident({
      id: 'INC-9',
      alerts: { a: alertWith(dictOf(JSON.parse('{"__proto__":"x","constructor":"y"}'))) },
    });
    expect(labelAnswer([hostile], { label: null, prefix: '' }).values).toEqual(['__proto__', 'constructor']);
    expect(labelAnswer([hostile], { label: '__proto__', prefix: '' }).values).toEqual(['x']);
  });
});
