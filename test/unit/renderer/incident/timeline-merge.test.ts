import { describe, expect, it } from 'vitest';
import { appendLiveEvents, mergeFetchedEvents } from '../../../../renderer/incident/timeline-merge';
import { incidentEvents } from '../incident-fixtures';

const mine = incidentEvents({ id: 'INC-1' }, 1); // seq 1, 2
const later = incidentEvents({ id: 'INC-1', resolvedAt: Date.UTC(2026, 10, 27, 5) }, 10); // seq 10, 11, 12
const others = incidentEvents({ id: 'INC-2' }, 3); // seq 3, 4

describe('appendLiveEvents', () => {
  it('appends only this incident’s events newer than the last one shown', () => {
    const timeline = appendLiveEvents(mine, [...others, ...later], 'INC-1');
    expect(timeline.map((event) => event.seq)).toEqual([1, 2, 10, 11, 12]);
  });

  it('returns the same timeline when nothing is new, so the view does not re-render', () => {
    expect(appendLiveEvents(mine, [...mine, ...others], 'INC-1')).toBe(mine);
  });
});

describe('mergeFetchedEvents', () => {
  it('keeps live events that arrived during the fetch, once each, in seq order', () => {
    const live = appendLiveEvents([], later, 'INC-1');
    const merged = mergeFetchedEvents(live, [...mine, ...later.slice(0, 1), ...others], 'INC-1');
    expect(merged.map((event) => event.seq)).toEqual([1, 2, 10, 11, 12]);
  });
});
