import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../../shared/events';
import { type BoardState, INITIAL_BOARD, interpretPatches } from '../../../../shared/feed/board-interpreter';
import { FeedHost } from '../../../../shared/feed/feed-host';
import type { BoardPatch } from '../../../../shared/feed/patch';
import { Replica } from '../../../../shared/replica';
import { RESOLVED_RETENTION_MS } from '../../../../shared/retention';
import { alert, numbered, opened } from '../../../support/fixtures';
import { flush, ScriptedLink } from '../../../support/scripted-link';

// The host's end of the feeds, over a replica with a scripted hub: what a feed starts with,
// what each change sends, and what the replica keeps for the pages.

const DAY = RESOLVED_RETENTION_MS;
/** Past the feeds' send window, so what was coalesced has been sent. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

async function liveReplica(now: () => number = Date.now) {
  const link = new ScriptedLink();
  link.command = () => new Promise(() => {});
  const replica = new Replica({ clientId: 'c', transport: link, now, retain: () => host.inView() });
  const host: FeedHost = new FeedHost(replica, { windowMs: 5 });
  await replica.start();
  link.handlers?.onUp();
  await flush();
  let seq = 0;
  const play = (...events: Array<Omit<HubEvent, 'seq'>>): void => {
    const batch = numbered(events, seq + 1);
    seq += batch.length;
    link.handlers?.onEvents({ events: batch });
  };
  return { replica, host, play };
}

function page(host: FeedHost, key: string, incidentId: string | null = null) {
  const seen = { batches: [] as ReadonlyArray<BoardPatch>[], state: INITIAL_BOARD as BoardState };
  host.open(key, { incidentId, user: null }, (batch) => {
    seen.batches.push(batch);
    seen.state = interpretPatches(seen.state, batch, Date.now());
  });
  return seen;
}

const fired = (incidentId: string, fingerprint: string) =>
  ({
    type: 'alert_fired',
    incidentId,
    at: 2_000,
    actor: { kind: 'integration', id: 't' },
    alert: alert(fingerprint),
  }) as Omit<HubEvent, 'seq'>;
const resolvedAt = (incidentId: string, at: number) =>
  ({
    type: 'incident_resolved',
    incidentId,
    at,
    actor: { kind: 'system' },
    reason: 'alerts_cleared',
  }) as Omit<HubEvent, 'seq'>;

describe('a feed', () => {
  it('starts with the whole picture: a reset, the outbox, the connection and the incident in view', async () => {
    const { host, play } = await liveReplica();
    play(opened('INC-1'), fired('INC-1', 'a'));
    const seen = page(host, 'p:1', 'INC-1');
    await settle();
    expect(seen.batches[0]?.map((patch) => patch.kind)).toEqual(['reset', 'outbox', 'focus', 'connection']);
    expect(seen.state.focus.incident?.alerts).toHaveProperty('a');
    expect(seen.state.rows.get('INC-1')).not.toHaveProperty('alerts');
  });

  it('sends changed rows, and the incident in view whole only to the page showing it', async () => {
    const { host, play } = await liveReplica();
    play(opened('INC-1'), opened('INC-2'));
    const board = page(host, 'p:1');
    const incident = page(host, 'p:2', 'INC-2');
    await settle();
    board.batches.length = 0;
    incident.batches.length = 0;
    play(fired('INC-2', 'x'));
    await settle();
    expect(board.batches.flat().map((patch) => patch.kind)).toEqual(['rows']);
    expect(incident.batches.flat().map((patch) => patch.kind)).toEqual(['rows', 'focus', 'timeline']);
    expect(incident.state.focus.incident?.alertCount).toBe(1);
  });

  it('shows a queued action applied and pending, to every page, and the outbox', async () => {
    const { replica, host, play } = await liveReplica();
    play(opened('INC-1'));
    const one = page(host, 'p:1');
    const two = page(host, 'p:2');
    await settle();
    void replica.sendCommand({
      commandId: '01J0000000000000000000000A',
      type: 'acknowledge',
      incidentId: 'INC-1',
    });
    await settle();
    for (const seen of [one, two]) {
      expect(seen.state.pending).toHaveLength(1);
      expect(seen.state.rows.get('INC-1')).toMatchObject({
        pending: true,
        acknowledgedAt: expect.any(Number),
      });
    }
  });

  it('closes alone: the other feeds of the page go on', async () => {
    const { host, play } = await liveReplica();
    const one = page(host, 'p:1');
    page(host, 'p:2');
    await settle();
    host.close('p:2');
    play(opened('INC-9'));
    await settle();
    expect(one.state.rows.has('INC-9')).toBe(true);
    expect(host.size).toBe(1);
  });
});

describe('retention, in the replica alone', () => {
  it('lets go of incidents resolved over a day ago, except one a page has open', async () => {
    let now = 10 * DAY;
    const { replica, host, play } = await liveReplica(() => now);
    play(opened('INC-1'), opened('INC-2'), resolvedAt('INC-1', now), resolvedAt('INC-2', now));
    const board = page(host, 'p:1');
    page(host, 'p:2', 'INC-2');
    await settle();
    now += DAY + 1;
    replica.prune();
    await settle();
    expect(Object.keys(replica.state.incidents)).toEqual(['INC-2']);
    expect([...board.state.rows.keys()]).toEqual(['INC-2']);
  });
});
