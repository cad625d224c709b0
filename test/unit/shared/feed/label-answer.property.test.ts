import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dictOf } from '../../../../shared/dict';
import { type Incident, isOpen } from '../../../../shared/domain';
import { LabelCounts, labelAnswer, MAX_LABEL_VALUES } from '../../../../shared/feed/label-answer';
import { alertWith, filterIncident } from '../../../support/filter-incidents';

// The host's completion answer against the plainest count there is: for every name or value
// anyone could offer, the open incidents carrying it, counted one by one; then the most first,
// ties by name, a screenful. Label text includes what monitoring may send: object keys of
// JavaScript's own, control and bidi characters, mixed case.

const NAMES = ['team', 'Team', 'region', 'zone', '__proto__', 'constructor', 'to\u202Eggle', 'a\nb'];
const VALUES = [
  'payments',
  'PAYMENTS',
  'identity',
  'eu-west',
  'eu-north',
  'x',
  '',
  'zw\u200Bsp',
  'hasOwnProperty',
];

const labelsArb = fc
  .array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...VALUES)), { maxLength: 4 })
  .map((pairs) => dictOf(Object.fromEntries(pairs.map(([name, value]) => [name, value]))));

const incidentsArb = fc.array(
  fc.record({
    open: fc.boolean(),
    alerts: fc.array(labelsArb, { minLength: 0, maxLength: 3 }),
  }),
  { maxLength: 30 },
);

/** Could an operator see and type it: no control or format characters, not empty, not too long. */
const showable = (text: string): boolean =>
  text !== '' && text.length <= 200 && !/[\p{C}\p{Z}]/u.test(text.replaceAll(' ', ''));

describe('labelAnswer', () => {
  it('equals counting, one by one, the open incidents that carry each name or value', () => {
    const questionArb = fc.record({
      label: fc.constantFrom(null, 'team', 'TEAM', 'region', '__proto__', 'zone'),
      prefix: fc.constantFrom('', 'p', 'eu', 'e', 'T', 'x'),
    });
    fc.assert(
      fc.property(incidentsArb, questionArb, (generated, question) => {
        const incidents: Incident[] = generated.map((made, i) =>
          filterIncident({
            id: `INC-${i}`,
            status: made.open ? 'investigating' : 'resolved',
            alerts: Object.fromEntries(made.alerts.map((labels, n) => [`a${n}`, alertWith(labels, `a${n}`)])),
          }),
        );
        const label = question.label?.toLowerCase() ?? null;
        const prefix = question.prefix.toLowerCase();
        // Every candidate anyone could offer, then each counted by asking every incident.
        const candidates = new Set<string>();
        for (const incident of incidents)
          for (const alert of Object.values(incident.alerts))
            for (const [name, value] of Object.entries(alert.labels)) {
              if (label === null) candidates.add(name.toLowerCase());
              else if (name.toLowerCase() === label) candidates.add(value.toLowerCase());
            }
        const carries = (incident: Incident, candidate: string): boolean =>
          Object.values(incident.alerts).some((alert) =>
            Object.entries(alert.labels).some(([name, value]) =>
              label === null
                ? name.toLowerCase() === candidate
                : name.toLowerCase() === label && value.toLowerCase() === candidate,
            ),
          );
        const counted = [...candidates]
          .filter((candidate) => candidate.startsWith(prefix) && showable(candidate))
          .map((candidate) => ({
            candidate,
            count: incidents.filter((incident) => isOpen(incident) && carries(incident, candidate)).length,
          }))
          .filter(({ count }) => count > 0);
        counted.sort((a, b) => b.count - a.count || (a.candidate < b.candidate ? -1 : 1));
        const expected = counted.slice(0, MAX_LABEL_VALUES).map(({ candidate }) => candidate);
        expect(labelAnswer(incidents, question).values).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('is what LabelCounts answers, key after key, whatever questions came before', () => {
    const questionArb = fc.record({
      label: fc.constantFrom(null, 'team', 'TEAM', 'region', '__proto__', 'constructor', 'zone'),
      prefix: fc.constantFrom('', 'p', 'pa', 'PAY', 'eu', 'eu-', 'e', 'T', 'x', 'has'),
    });
    fc.assert(
      fc.property(incidentsArb, fc.array(questionArb, { maxLength: 12 }), (generated, questions) => {
        const incidents: Incident[] = generated.map((made, i) =>
          filterIncident({
            id: `INC-${i}`,
            status: made.open ? 'investigating' : 'resolved',
            alerts: Object.fromEntries(made.alerts.map((labels, n) => [`a${n}`, alertWith(labels, `a${n}`)])),
          }),
        );
        const counts = new LabelCounts(() => incidents);
        for (const question of questions)
          expect(counts.answer(question)).toEqual(labelAnswer(incidents, question));
      }),
      { numRuns: 300 },
    );
  });
});
