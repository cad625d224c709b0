import { describe, expect, it } from 'vitest';
import { fuzzyScore } from '../../../../renderer/palette/fuzzy';

/** The texts in the order fuzzyScore ranks them for `query`, non-matches left out. */
const ranked = (query: string, texts: ReadonlyArray<string>): ReadonlyArray<string> =>
  texts
    .map((text) => ({ text, score: fuzzyScore(query, text) }))
    .filter((entry): entry is { text: string; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.text);

describe('fuzzyScore', () => {
  it('matches the letters in order, whatever their case, and nothing else', () => {
    expect(fuzzyScore('ack', 'Acknowledge')).not.toBeNull();
    expect(fuzzyScore('ACK', 'acknowledge')).not.toBeNull();
    expect(fuzzyScore('kca', 'Acknowledge')).toBeNull();
    expect(fuzzyScore('ackz', 'Acknowledge')).toBeNull();
  });

  it('matches accented letters by their base letter, either way round', () => {
    expect(fuzzyScore('region', 'Région Zürich')).not.toBeNull();
    expect(fuzzyScore('zurich', 'Région Zürich')).not.toBeNull();
    expect(fuzzyScore('RÉGION', 'region eu-west')).not.toBeNull();
    // Same score as the unaccented text: an accent costs nothing.
    expect(fuzzyScore('region', 'Région')).toBe(fuzzyScore('region', 'Region'));
    expect(fuzzyScore('ss', 'Straße')).toBeNull();
  });

  it('matches everything with 0 when nothing is typed, and ignores spaces in the query', () => {
    expect(fuzzyScore('', 'Resolve')).toBe(0);
    expect(fuzzyScore('  ', 'Resolve')).toBe(0);
    expect(fuzzyScore('take com', 'Take command')).toBe(fuzzyScore('takecom', 'Take command'));
  });

  it('prefers the starts of words', () => {
    expect(ranked('pg', ['postgres-replica', 'payments-gateway'])).toEqual([
      'payments-gateway',
      'postgres-replica',
    ]);
    expect(ranked('tc', ['Set status (critical)', 'Take command'])).toEqual([
      'Take command',
      'Set status (critical)',
    ]);
    // camelCase words count: alert names are often written that way.
    expect(ranked('rl', ['PostgresReplicationLag', 'Disk full on replica-2'])[0]).toBe(
      'PostgresReplicationLag',
    );
  });

  it('prefers consecutive letters to scattered ones', () => {
    expect(ranked('note', ['Notify the team', 'Add note'])).toEqual(['Add note', 'Notify the team']);
    expect(ranked('lag', ['Load average high', 'PostgresReplicationLag'])[0]).toBe('PostgresReplicationLag');
  });

  it('finds an incident by its exact id before the ids that merely contain its digits', () => {
    const incidents = ['INC-14 Disk full', 'INC-4 Disk full', 'INC-40 Checkout errors', 'INC-104 Latency'];
    expect(ranked('inc-4', incidents)[0]).toBe('INC-4 Disk full');
    expect(ranked('4', incidents)[0]).toBe('INC-4 Disk full');
  });

  it('ranks an early match above a late one, and the shorter text among equals', () => {
    expect(ranked('res', ['Reopen and resolve', 'Resolve'])).toEqual(['Resolve', 'Reopen and resolve']);
    expect(ranked('edge', ['edge', 'edge-proxy'])).toEqual(['edge', 'edge-proxy']);
  });

  it('stays within budget on a long title', () => {
    const long = `${'x'.repeat(5000)} checkout`;
    const started = performance.now();
    for (let i = 0; i < 1000; i++) fuzzyScore('xxco', long);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
