import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type Incident, SEVERITIES } from '../../../../shared/domain';
import type { FilterQuery, FilterTerm } from '../../../../shared/filter/filter-query';
import { FILTER_FLAGS } from '../../../../shared/filter/filter-query';
import { compileFilter, type FilterContext } from '../../../../shared/filter/match-filter';
import { parseFilter } from '../../../../shared/filter/parse-filter';
import { printFilter } from '../../../../shared/filter/print-filter';
import { alertWith, filterIncident } from '../../../support/filter-incidents';

// The laws of the filter language, over generated filters and incidents: the parser never
// throws and points inside the text; printing a query and parsing it back gives the same query;
// "-" is NOT, a space is AND, a comma is OR, and case never matters.

const RUNS = { numRuns: 300 };

/** A short word from a small alphabet, so generated filters and incidents meet often. */
const word = fc.stringMatching(/^[a-c][a-c0-9-]{0,3}$/);
const pattern = fc.stringMatching(/^[a-c*][a-c0-9*-]{0,3}$/);
const text = fc.stringMatching(/^[a-c][a-c :,"\\-]{0,5}$/).filter((value) => value.trim() !== '');

const span = { start: 0, end: 0 };
const term: fc.Arbitrary<FilterTerm> = fc
  .oneof(
    fc.record({
      key: fc.constant('sev' as const),
      values: fc.uniqueArray(fc.constantFrom(...SEVERITIES), { minLength: 1 }),
      negated: fc.boolean(),
    }),
    fc.record({
      key: fc.constant('status' as const),
      values: fc.uniqueArray(fc.constantFrom(...INCIDENT_STATUSES, 'open' as const), { minLength: 1 }),
      negated: fc.boolean(),
    }),
    fc.record({
      key: fc.constant('team' as const),
      values: fc.uniqueArray(pattern, { minLength: 1, maxLength: 3 }),
      negated: fc.boolean(),
    }),
    fc.record({
      key: fc.constant('service' as const),
      values: fc.uniqueArray(pattern, { minLength: 1, maxLength: 3 }),
      negated: fc.boolean(),
    }),
    fc.record({
      key: fc.constant('label' as const),
      values: fc.array(fc.record({ name: word, pattern: fc.option(pattern, { nil: null }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      negated: fc.boolean(),
    }),
    fc.record({
      key: fc.constant('is' as const),
      values: fc.uniqueArray(fc.constantFrom(...FILTER_FLAGS), { minLength: 1 }),
      negated: fc.boolean(),
    }),
    fc.record({ key: fc.constant('text' as const), values: fc.tuple(text), negated: fc.boolean() }),
  )
  .map((value) => ({ ...value, ...span }) as FilterTerm);
const query = fc.array(term, { maxLength: 4 }).map((terms): FilterQuery => ({ terms }));

const labels = fc.dictionary(fc.constantFrom('a', 'b', 'team', 'B'), word, { maxKeys: 3 });
const incident: fc.Arbitrary<Incident> = fc
  .record({
    id: word,
    title: fc.stringMatching(/^[a-cA-C :,"\\-]{0,8}$/),
    severity: fc.constantFrom(...SEVERITIES),
    status: fc.constantFrom(...INCIDENT_STATUSES),
    services: fc.array(word, { maxLength: 3 }),
    labels: fc.array(labels, { maxLength: 2 }),
    acked: fc.boolean(),
    escalating: fc.boolean(),
  })
  .map((drawn) =>
    filterIncident({
      id: drawn.id,
      title: drawn.title,
      severity: drawn.severity,
      status: drawn.status,
      services: drawn.services,
      alerts: Object.fromEntries(drawn.labels.map((set, i) => [`f${i}`, alertWith(set, `f${i}`)])),
      acknowledgedAt: drawn.acked ? 5 : null,
      escalation: drawn.escalating
        ? { policyId: 'p', level: 1, cycle: 0, pagedUserIds: [], pagedAt: 1, nextLevelAt: 2, stopped: null }
        : null,
    }),
  );
const context: FilterContext = {
  teamOf: (service) => (service.toLowerCase().startsWith('a') ? 'a-team' : undefined),
};

const withoutSpans = (parsed: FilterQuery) => parsed.terms.map(({ start: _s, end: _e, ...rest }) => rest);
const matches = (filter: string, subject: Incident, pending = false): boolean => {
  const result = parseFilter(filter);
  if (!result.ok) throw new Error(`${filter}: ${result.error.message}`);
  return compileFilter(result.query, context)(subject, pending);
};

describe('the filter language, by property', () => {
  it('never throws, and an error points inside the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[a-z:,"\\\- =*]{0,30}$/)),
        (source) => {
          const result = parseFilter(source);
          if (!result.ok) {
            expect(result.error.offset).toBeGreaterThanOrEqual(0);
            expect(result.error.offset).toBeLessThanOrEqual(source.length);
            expect(result.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back what it prints', () => {
    fc.assert(
      fc.property(query, (generated) => {
        const printed = printFilter(generated);
        const reparsed = parseFilter(printed);
        expect(reparsed.ok, printed).toBe(true);
        if (reparsed.ok) expect(withoutSpans(reparsed.query)).toEqual(withoutSpans(generated));
      }),
      RUNS,
    );
  });

  it('"-" is NOT', () => {
    fc.assert(
      fc.property(term, incident, fc.boolean(), (one, subject, pending) => {
        const positive = printFilter({ terms: [{ ...one, negated: false }] });
        const negative = printFilter({ terms: [{ ...one, negated: true }] });
        expect(matches(negative, subject, pending)).toBe(!matches(positive, subject, pending));
      }),
      RUNS,
    );
  });

  it('a space is AND', () => {
    fc.assert(
      fc.property(term, term, incident, (a, b, subject) => {
        const both = printFilter({ terms: [a, b] });
        expect(matches(both, subject)).toBe(
          matches(printFilter({ terms: [a] }), subject) && matches(printFilter({ terms: [b] }), subject),
        );
      }),
      RUNS,
    );
  });

  it('a comma is OR within a key', () => {
    fc.assert(
      fc.property(term, incident, (one, subject) => {
        if (one.key === 'text' || one.negated) return;
        const each = (one.values as ReadonlyArray<unknown>).map((value) =>
          matches(printFilter({ terms: [{ ...one, values: [value] } as FilterTerm] }), subject),
        );
        expect(matches(printFilter({ terms: [one] }), subject)).toBe(each.some(Boolean));
      }),
      RUNS,
    );
  });

  it('ignores case in the filter and in the incident', () => {
    fc.assert(
      fc.property(query, incident, (generated, subject) => {
        const printed = printFilter(generated);
        const shouted = {
          ...subject,
          title: subject.title.toUpperCase(),
          services: subject.services.map((s) => s.toUpperCase()),
        };
        expect(matches(printed.toUpperCase(), shouted)).toBe(matches(printed, subject));
      }),
      RUNS,
    );
  });
});
