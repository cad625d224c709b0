import { describe, expect, it } from 'vitest';
import { describeConnection } from '../../../../renderer/header/connection-label';
import type { ConnectionState } from '../../../../shared/connection';

const at = (h: number, m: number, s: number) => new Date(2026, 10, 27, h, m, s).getTime();

describe('describeConnection', () => {
  it('says Live with the time of the last update', () => {
    const connection: ConnectionState = {
      status: 'live',
      since: at(14, 0, 0),
      lastUpdateAt: at(14, 2, 5),
      cached: false,
    };
    expect(describeConnection(connection, at(14, 3, 0))).toEqual({
      tone: 'live',
      status: 'Live',
      word: 'Live',
      elapsed: null,
      lastUpdate: 'last update 14:02:05',
    });
  });

  it('says the hub cannot save, since when, and that new alerts wait, while its store is down', () => {
    const connection: ConnectionState = {
      status: 'live',
      since: at(14, 0, 0),
      lastUpdateAt: at(14, 2, 5),
      cached: false,
      degraded: { since: at(14, 2, 7), reason: 'connect ECONNREFUSED' },
    };
    expect(describeConnection(connection, at(14, 3, 7))).toEqual({
      tone: 'degraded',
      status: "Hub can't save since 14:02:07: new alerts and actions wait",
      word: "Hub can't save",
      elapsed: '1m 00s',
      lastUpdate: 'new alerts wait · last update 14:02:05',
    });
  });

  it('says since when and for how long the board has been offline', () => {
    const connection: ConnectionState = {
      status: 'offline',
      since: at(14, 2, 7),
      lastUpdateAt: at(14, 2, 5),
      cached: false,
    };
    const label = describeConnection(connection, at(14, 5, 19));
    expect(label.status).toBe('Offline since 14:02:07');
    expect(label.word).toBe('Offline');
    expect(label.elapsed).toBe('3m 12s');
  });

  it('marks a cached picture as cached, and says nothing of updates before the first one', () => {
    const cached: ConnectionState = {
      status: 'connecting',
      since: 0,
      lastUpdateAt: at(9, 30, 0),
      cached: true,
    };
    expect(describeConnection(cached, at(10, 0, 0)).lastUpdate).toBe('cached — last update 09:30:00');
    expect(describeConnection(cached, 0).status).toBe('Connecting…');
    const fresh: ConnectionState = { status: 'connecting', since: 0, lastUpdateAt: null, cached: false };
    expect(describeConnection(fresh, 0).lastUpdate).toBeNull();
  });

  it('asks for a sign-in, without a ticking timer, when the hub refused the token', () => {
    const connection: ConnectionState = {
      status: 'offline',
      since: at(14, 2, 7),
      lastUpdateAt: null,
      cached: false,
      reason: 'unauthorized',
    };
    expect(describeConnection(connection, at(14, 5, 19))).toEqual({
      tone: 'offline',
      status: 'Sign-in needed',
      word: 'Sign-in needed',
      elapsed: null,
      lastUpdate: null,
    });
  });
});

describe('describeConnection with a zoned clock, as a wall reads it', () => {
  const zoned = (epochMs: number) => `${new Date(epochMs).toISOString().slice(11, 19)} UTC`;

  it('names the zone of the last update and of since when it is offline', () => {
    const connection: ConnectionState = {
      status: 'offline',
      since: Date.UTC(2026, 10, 27, 14, 2, 7),
      lastUpdateAt: Date.UTC(2026, 10, 27, 14, 2, 5),
      cached: false,
    };
    const label = describeConnection(connection, Date.UTC(2026, 10, 27, 14, 3, 7), zoned);
    expect(label.status).toBe('Offline since 14:02:07 UTC');
    expect(label.lastUpdate).toBe('last update 14:02:05 UTC');
  });

  it('says in the room’s words that the hub cannot save and new alerts wait, and for how long', () => {
    // The hub's PostgreSQL is down: it told the wall its store is unavailable.
    const connection: ConnectionState = {
      status: 'live',
      since: Date.UTC(2026, 10, 27, 14, 0, 0),
      lastUpdateAt: Date.UTC(2026, 10, 27, 14, 2, 5),
      cached: false,
      degraded: { since: Date.UTC(2026, 10, 27, 14, 2, 7), reason: 'connect ECONNREFUSED 10.0.0.5:5432' },
    };
    const label = describeConnection(connection, Date.UTC(2026, 10, 27, 14, 5, 19), zoned);
    // The wall's one line is the word and how long (ConnectionIndicator), read from across the room.
    expect(`${label.word} ${label.elapsed}`).toBe("Hub can't save 3m 12s");
    expect(label.lastUpdate).toBe('new alerts wait · last update 14:02:05 UTC');
    // Since when, in the title and for a screen reader; never the database's error text.
    expect(label.status).toBe("Hub can't save since 14:02:07 UTC: new alerts and actions wait");
    expect(JSON.stringify(label)).not.toContain('ECONNREFUSED');
  });
});
