import { describe, expect, it } from 'vitest';
import { deliveryIdOf, findUnfinished, legacyKeyOf } from '../../../../server/cluster/unfinished-deliveries';
import type { HubEvent } from '../../../../shared/events';

// The one finder of what earlier terms left unfinished, over hand-written logs: which outcomes are
// final, how an outcome finds its request (by delivery id, or for older events by incident and
// level), and which requests belong to the term that folds them live.

const system = { kind: 'system' } as const;
const page = (seq: number, incidentId: string, level: number): HubEvent => ({
  seq,
  at: seq,
  actor: system,
  incidentId,
  type: 'escalation_level_paged',
  level,
  cycle: 0,
  targets: ['dana'],
  teams: [],
  dueNext: null,
});
const outcome = (
  seq: number,
  incidentId: string,
  fields: { deliveryId?: string; level?: number; retrying?: boolean; ok?: boolean },
): HubEvent => {
  const base = {
    seq,
    at: seq,
    actor: system,
    incidentId,
    channel: 'webhook' as const,
    target: 'dana',
    host: 'paging.example.org',
    attempt: 1,
    ...(fields.level === undefined ? {} : { level: fields.level }),
    ...(fields.deliveryId === undefined ? {} : { deliveryId: fields.deliveryId }),
  };
  return fields.ok === false || fields.retrying !== undefined
    ? { ...base, type: 'notification_failed', error: 'HTTP 503', retrying: fields.retrying ?? false }
    : { ...base, type: 'notification_delivered' };
};
const KEY = legacyKeyOf('dana', 'webhook', 'paging.example.org');

/** What a delivery id is: the request's seq and a digest of where the message goes. */
const DANA = deliveryIdOf(1, 'dana', { kind: 'webhook', url: 'https://pager.example/dana' });

describe('findUnfinished', () => {
  it('names a delivery by where it goes, not by its place in the config', () => {
    expect(DANA).toMatch(/^1\.[0-9a-f]{12}$/);
    expect(deliveryIdOf(1, 'dana', { kind: 'webhook', url: 'https://pager.example/dana' })).toBe(DANA);
    expect(deliveryIdOf(1, 'dana', { kind: 'slack', url: 'https://pager.example/dana' })).not.toBe(DANA);
    expect(deliveryIdOf(2, 'dana', { kind: 'webhook', url: 'https://pager.example/dana' })).not.toBe(DANA);
    expect(DANA).not.toContain('pager.example');
  });

  it('takes only a final outcome as finished: a failure that is retrying is not', () => {
    const found = findUnfinished(
      [page(1, 'INC-1', 1), outcome(2, 'INC-1', { level: 1, deliveryId: DANA, retrying: true })],
      10,
    );
    expect(found.pages.map(({ request, finished }) => [request.seq, finished.claim(DANA, KEY)])).toEqual([
      [1, false],
    ]);
    const done = findUnfinished(
      [page(1, 'INC-1', 1), outcome(2, 'INC-1', { level: 1, deliveryId: DANA, ok: false })],
      10,
    );
    expect(done.pages[0]?.finished.claim(DANA, KEY)).toBe(true);
  });

  it('matches an outcome to its page by delivery id, even after a later page of the same level', () => {
    const found = findUnfinished(
      [page(1, 'INC-1', 1), page(2, 'INC-1', 1), outcome(3, 'INC-1', { level: 1, deliveryId: '1.0' })],
      10,
    );
    expect(
      found.pages.map(({ request, finished }) => [request.seq, finished.claim(`${request.seq}.0`, KEY)]),
    ).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('gives an outcome without id to the latest page of the same incident and level, once', () => {
    const found = findUnfinished(
      [page(1, 'INC-1', 1), page(2, 'INC-2', 1), outcome(3, 'INC-1', { level: 1 }), page(4, 'INC-1', 2)],
      10,
    );
    const first = found.pages.find(({ request }) => request.seq === 1);
    expect(first?.finished.claim('1.0', KEY)).toBe(true);
    expect(first?.finished.claim('1.1', KEY)).toBe(false);
    expect(found.pages.find(({ request }) => request.seq === 2)?.finished.claim('2.0', KEY)).toBe(false);
  });

  it('leaves requests after the term began to the live work, but counts outcomes recorded since', () => {
    const found = findUnfinished(
      [page(1, 'INC-1', 1), page(5, 'INC-1', 2), outcome(6, 'INC-1', { level: 1, deliveryId: '1.0' })],
      4,
    );
    expect(found.pages.map(({ request, finished }) => [request.seq, finished.claim('1.0', KEY)])).toEqual([
      [1, true],
    ]);
  });

  it('owes a silence request only the Alertmanagers that have not answered, and says when it was ended', () => {
    const requested = (seq: number, requestId: string): HubEvent => ({
      seq,
      at: seq,
      actor: { kind: 'user', id: 'dana' },
      incidentId: 'INC-1',
      type: 'silence_requested',
      requestId,
      matchers: [],
      minutes: 30,
      comment: 'x',
      endsAt: 1_000_000,
      integrations: ['dc1', 'dc2'],
    });
    const found = findUnfinished(
      [
        requested(1, 'a'),
        requested(2, 'b'),
        requested(3, 'c'),
        {
          seq: 4,
          at: 4,
          actor: system,
          incidentId: 'INC-1',
          type: 'silence_created',
          requestId: 'a',
          integration: 'dc1',
          silenceId: 's',
          endsAt: 1,
        },
        {
          seq: 5,
          at: 5,
          actor: system,
          incidentId: 'INC-1',
          type: 'silence_failed',
          action: 'create',
          requestId: 'b',
          integration: null,
          error: 'none',
        },
        // Somebody asks to end the silence dc1 made for `a`: it must not be made on dc2 now.
        {
          seq: 6,
          at: 6,
          actor: { kind: 'user', id: 'dana' },
          incidentId: 'INC-1',
          type: 'silence_expire_requested',
          requestId: 'e',
          silenceId: 's',
          integrations: ['dc1', 'dc2'],
        },
      ],
      10,
    );
    expect(
      found.silences.map(({ request, integrations, ended }) => [request.requestId, integrations, ended]),
    ).toEqual([
      ['a', ['dc2'], true],
      ['c', ['dc1', 'dc2'], false],
    ]);
  });
  it('owes an expiry only while it has no outcome at all', () => {
    const expire = (seq: number, requestId: string): HubEvent => ({
      seq,
      at: seq,
      actor: { kind: 'user', id: 'dana' },
      incidentId: 'INC-1',
      type: 'silence_expire_requested',
      requestId,
      silenceId: `s-${requestId}`,
      integrations: ['dc1'],
    });
    const found = findUnfinished(
      [
        expire(1, 'a'),
        expire(2, 'b'),
        expire(3, 'c'),
        {
          seq: 4,
          at: 4,
          actor: system,
          incidentId: 'INC-1',
          type: 'silence_expired',
          requestId: 'a',
          integration: 'dc1',
          silenceId: 's-a',
        },
        {
          seq: 5,
          at: 5,
          actor: system,
          incidentId: 'INC-1',
          type: 'silence_failed',
          action: 'expire',
          requestId: 'b',
          integration: null,
          error: 'gone',
        },
      ],
      10,
    );
    expect(found.expiries.map((request) => request.requestId)).toEqual(['c']);
  });
});
