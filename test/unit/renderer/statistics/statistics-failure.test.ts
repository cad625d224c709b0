import { describe, expect, it } from 'vitest';
import { statisticsFailure } from '../../../../renderer/statistics/statistics-failure';
import { HubRequestError } from '../../../../shared/hub-client';

describe('why the statistics could not be had', () => {
  it('says offline when the console has no link and the hub could not be reached', () => {
    expect(statisticsFailure(new TypeError('Failed to fetch'), false)).toBe(
      'The hub cannot be reached: this console is offline.',
    );
  });

  it("gives the hub's own answer even while the link still says connecting (a wall starting up)", () => {
    expect(statisticsFailure(new HubRequestError(401, 'Sign in first.'), false)).toBe(
      'The hub wants you to sign in again.',
    );
  });

  it('does not put a raw answer it cannot read on the screen', () => {
    const unreadable = new Error('[{"code":"invalid_type","path":["totals"]}]');
    unreadable.name = 'ZodError';
    expect(statisticsFailure(unreadable, true)).toBe('The hub sent an answer this console cannot read.');
    expect(statisticsFailure(new SyntaxError('Unexpected token < in JSON'), true)).toBe(
      'The hub sent an answer this console cannot read.',
    );
  });

  it('puts network failures and timeouts in words', () => {
    expect(statisticsFailure(new TypeError('Failed to fetch'), true)).toBe('The hub cannot be reached.');
    const timeout = new Error('The operation was aborted due to timeout');
    timeout.name = 'TimeoutError';
    expect(statisticsFailure(timeout, true)).toBe('The hub took too long to answer.');
  });

  it("passes on the hub's own reason for a refusal", () => {
    expect(
      statisticsFailure(new HubRequestError(400, 'A range by day may have at most 400 days.'), true),
    ).toBe('The hub refused: A range by day may have at most 400 days.');
    expect(statisticsFailure(new HubRequestError(401, 'Sign in first.'), true)).toBe(
      'The hub wants you to sign in again.',
    );
    expect(
      statisticsFailure(new HubRequestError(404, 'GET /api/v1/statistics: the hub answered 404'), true),
    ).toBe('This hub does not compute statistics yet: it needs updating.');
  });

  it('keeps any other message as it is', () => {
    expect(statisticsFailure(new Error('Something odd'), true)).toBe('Something odd');
    expect(statisticsFailure('plain text', true)).toBe('plain text');
  });
});
