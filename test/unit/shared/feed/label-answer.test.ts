import { describe, expect, it } from 'vitest';
import { dictOf } from '../../../../shared/dict';
import type { Incident } from '../../../../shared/domain';
import { LabelCounts, labelAnswer, MAX_LABEL_VALUES } from '../../../../shared/feed/label-answer';
import type { BoardPatch } from '../../../../shared/feed/patch';
import { Projection, type ProjectionSource } from '../../../../shared/feed/projection';
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

describe('label counts kept across the keys of one question', () => {
  it('counts once per label, answers each prefix as labelAnswer does, and counts again after clear', () => {
    let walks = 0;
    const counts = new LabelCounts(() => {
      walks += 1;
      return incidents;
    });
    for (const prefix of ['', 'e', 'eu', 'eu-', 'eu-w', 'EU-N', 'x', 'eu', '']) {
      const question = { label: 'Region', prefix };
      expect(counts.answer(question)).toEqual(labelAnswer(incidents, question));
    }
    expect(walks).toBe(1);
    for (const prefix of ['', 'r', 'RE', 'z'])
      expect(counts.answer({ label: null, prefix })).toEqual(labelAnswer(incidents, { label: null, prefix }));
    expect(walks).toBe(2);
    // Back to region: still kept. Cleared: counted again.
    counts.answer({ label: 'region', prefix: 'u' });
    expect(walks).toBe(2);
    counts.clear();
    counts.answer({ label: 'region', prefix: 'u' });
    expect(walks).toBe(3);
  });

  it('keeps a few questions, not one per label ever asked', () => {
    let walks = 0;
    const counts = new LabelCounts(() => {
      walks += 1;
      return incidents;
    });
    const labels = [null, 'region', 'team', 'zone', 'rack', 'a', 'b', 'c', 'd'];
    for (const label of labels) counts.answer({ label, prefix: '' });
    expect(walks).toBe(9);
    // Names were asked first and let go; region is still kept.
    expect(counts.answer({ label: 'region', prefix: 'eu' }).values).toEqual(['eu-north', 'eu-west']);
    expect(walks).toBe(9);
    expect(counts.answer({ label: null, prefix: '' }).values).toEqual(['region', 'team', 'zone']);
    expect(walks).toBe(10);
  });

  it('keeps the order of labelAnswer past a screenful, for every prefix', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      filterIncident({
        id: `INC-${i}`,
        alerts: { a: alertWith({ instance: `host-${i % 120}`, team: i % 7 ? `t-${i % 11}` : 'T-1' }) },
      }),
    );
    const counts = new LabelCounts(() => many);
    for (const question of [
      { label: 'instance', prefix: '' },
      { label: 'instance', prefix: 'host-1' },
      { label: 'instance', prefix: 'host-11' },
      { label: 'team', prefix: 't-1' },
      { label: null, prefix: '' },
    ])
      expect(counts.answer(question)).toEqual(labelAnswer(many, question));
  });

  it('takes hostile label names as text in the kept counts too', () => {
    const hostile = filterIncident({
      id: 'INC-9',
      alerts: {
        a: alertWith(dictOf(JSON.parse('{"__proto__":"x","constructor":"y","team":"pay\u202Ements"}'))),
      },
    });
    const counts = new LabelCounts(() => [hostile]);
    expect(counts.answer({ label: null, prefix: '' }).values).toEqual(['__proto__', 'constructor', 'team']);
    expect(counts.answer({ label: null, prefix: '__' }).values).toEqual(['__proto__']);
    expect(counts.answer({ label: '__proto__', prefix: '' }).values).toEqual(['x']);
    expect(counts.answer({ label: 'team', prefix: '' }).values).toEqual([]);
  });
});

describe("the projection's label answers", () => {
  /** A projection over a replica whose incidents the test replaces, and the labels patches it sent. */
  function projected(start: ReadonlyArray<Incident>) {
    const state = { seq: 1, incidents: Object.fromEntries(start.map((incident) => [incident.id, incident])) };
    const source: ProjectionSource = {
      state,
      incident: (id) => state.incidents[id],
      outboxState: { pending: [], rejected: [], rejectedDropped: 0 },
      connectionState: { status: 'live', since: 0, lastUpdateAt: null, cached: false },
    };
    const sent: BoardPatch[] = [];
    const projection = new Projection(source, { incidentId: null, user: null }, (patch) => sent.push(patch));
    projection.start();
    const ask = (label: string | null, prefix: string): ReadonlyArray<string> => {
      sent.length = 0;
      projection.setView({ incidentId: null, user: null, labels: { label, prefix } });
      const answer = sent.find((patch) => patch.kind === 'labels');
      if (answer?.kind !== 'labels') throw new Error('no labels answer');
      return answer.values;
    };
    const put = (incident: Incident): void => {
      state.incidents[incident.id] = incident;
    };
    return { state, projection, ask, put };
  }

  it("offers a new alert's label on the next key, after the incidents changed", () => {
    const { projection, ask, put } = projected(incidents);
    expect(ask(null, '')).toEqual(['region', 'team', 'zone']);
    expect(ask(null, 'r')).toEqual(['region']);
    put(filterIncident({ id: 'INC-4', alerts: { a: alertWith({ rack: '9', region: 'eu-west' }) } }));
    // Not yet told: the kept counts answer.
    expect(ask(null, 're')).toEqual(['region']);
    projection.apply({ kind: 'incidents', ids: new Set(['INC-4']), events: [] });
    expect(ask(null, 'r')).toEqual(['region', 'rack']);
    expect(ask('region', 'eu')).toEqual(['eu-west', 'eu-north']);
  });

  it('counts again after a reset and after incidents are removed', () => {
    const { state, projection, ask, put } = projected(incidents);
    expect(ask('region', '')).toEqual(['eu-north', 'eu-west', 'us-east']);
    put(filterIncident({ id: 'INC-5', alerts: { a: alertWith({ region: 'us-east' }) } }));
    projection.apply({ kind: 'reset' });
    expect(ask('region', 'u')).toEqual(['us-east']);
    expect(ask('region', '')).toEqual(['us-east', 'eu-north', 'eu-west']);
    delete state.incidents['INC-5'];
    delete state.incidents['INC-2'];
    projection.apply({ kind: 'removed', ids: ['INC-5', 'INC-2'] });
    expect(ask('region', 'u')).toEqual([]);
    expect(ask('region', '')).toEqual(['eu-north', 'eu-west']);
  });
});
