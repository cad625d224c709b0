import { describe, expect, it } from 'vitest';
import { dictOf } from '../../../../shared/dict';
import { labelValuesOf, MAX_LABEL_VALUES } from '../../../../shared/feed/label-values';
import { alertWith, filterIncident } from '../../../support/filter-incidents';

// What the host answers when the filter bar completes `label:`: names or one label's values,
// from the open incidents' alerts, lower case, sorted and bounded.

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
    expect(labelValuesOf(incidents, { label: null, prefix: '' }).values).toEqual(['region', 'team', 'zone']);
    expect(labelValuesOf(incidents, { label: null, prefix: 'R' }).values).toEqual(['region']);
  });

  it("gives one label's values, whatever case it was sent in", () => {
    expect(labelValuesOf(incidents, { label: 'region', prefix: '' })).toEqual({
      label: 'region',
      prefix: '',
      values: ['eu-north', 'eu-west', 'us-east'],
    });
    expect(labelValuesOf(incidents, { label: 'region', prefix: 'eu' }).values).toEqual([
      'eu-north',
      'eu-west',
    ]);
    expect(labelValuesOf(incidents, { label: 'colour', prefix: '' }).values).toEqual([]);
  });

  it('sends a screenful, not every value of a label like instance', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      filterIncident({
        id: `INC-${i}`,
        alerts: { a: alertWith({ instance: `host-${String(i).padStart(3, '0')}` }) },
      }),
    );
    const answer = labelValuesOf(many, { label: 'instance', prefix: 'host-1' });
    expect(answer.values).toHaveLength(MAX_LABEL_VALUES);
    expect(answer.values[0]).toBe('host-100');
  });

  it('takes hostile label names as text, never as object keys', () => {
    const hostile = filterIncident({
      id: 'INC-9',
      alerts: { a: alertWith(dictOf(JSON.parse('{"__proto__":"x","constructor":"y"}'))) },
    });
    expect(labelValuesOf([hostile], { label: null, prefix: '' }).values).toEqual([
      '__proto__',
      'constructor',
    ]);
    expect(labelValuesOf([hostile], { label: '__proto__', prefix: '' }).values).toEqual(['x']);
  });
});
