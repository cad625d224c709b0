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

function page(host: FeedHost, key: string, incidentId: string | null = null, filter: string | null = null) {
  const seen = { batches: [] as ReadonlyArray<BoardPatch>[], state: INITIAL_BOARD as BoardState };
  host.open(key, { incidentId, user: null, filter: filterOf(filter) }, (batch) => {
    seen.batches.push(batch);
    seen.state = interpretPatches(seen.state, batch, Date.now());
  });
  return seen;
}

const filterOf = (query: string | null) => (query === null ? null : { query, serviceTeams: [] });

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
    expect(seen.batches[0]?.map((patch) => patch.kind)).toEqual([
      'reset',
      'scope',
      'outbox',
      'focus',
      'connection',
    ]);
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

  describe('with a board filter', () => {
    it('sends only the rows it keeps, and counts what there is unfiltered', async () => {
      const { host, play } = await liveReplica();
      play(
        opened('INC-1', 'sev1'),
        opened('INC-2', 'sev3'),
        opened('INC-3', 'sev1'),
        resolvedAt('INC-3', 3_000),
      );
      const seen = page(host, 'p:1', null, 'sev:critical');
      await settle();
      expect([...seen.state.rows.keys()].sort()).toEqual(['INC-1', 'INC-3']);
      expect(seen.state.active.map((row) => row.id)).toEqual(['INC-1']);
      expect(seen.state.scope).toEqual({ filter: 'sev:critical', filterError: null, openTotal: 2, total: 3 });
      // Live data goes through the same filter, and the totals follow it.
      play(opened('INC-4', 'sev1'), opened('INC-5', 'sev4'));
      await settle();
      expect(seen.state.active.map((row) => row.id)).toEqual(['INC-1', 'INC-4']);
      expect(seen.state.scope.openTotal).toBe(4);
    });

    it('on a new filter, sends only the rows that start or stop being shown', async () => {
      const { host, play } = await liveReplica();
      play(opened('INC-1', 'sev1'), opened('INC-2', 'sev2'), opened('INC-3', 'sev3'));
      const seen = page(host, 'p:1', null, 'sev:critical,major');
      await settle();
      const kept = seen.state.rows.get('INC-1');
      seen.batches.length = 0;
      host.setView('p:1', { incidentId: null, user: null, filter: filterOf('sev:critical,minor') });
      await settle();
      const rows = seen.batches.flat().find((patch) => patch.kind === 'rows');
      expect(rows).toMatchObject({
        changed: [expect.objectContaining({ id: 'INC-3' })],
        removed: [],
        hidden: ['INC-2'],
      });
      expect(seen.state.rows.get('INC-1')).toBe(kept);
      // INC-2 is kept out of sight: widening again names it, and sends no row.
      expect([...seen.state.held.keys()]).toEqual(['INC-2']);
      seen.batches.length = 0;
      host.setView('p:1', { incidentId: null, user: null, filter: null });
      await settle();
      expect(seen.batches.flat().find((patch) => patch.kind === 'rows')).toEqual({
        kind: 'rows',
        seq: 3,
        changed: [],
        removed: [],
        restored: ['INC-2'],
      });
      expect(seen.state.active.map((row) => row.id)).toEqual(['INC-1', 'INC-2', 'INC-3']);
      expect(seen.state.held.size).toBe(0);
      expect(seen.state.scope.filter).toBeNull();
    });

    it('sends a row kept out of sight afresh once it changed, and forgets it when it goes', async () => {
      const { host, play, replica } = await liveReplica();
      play(opened('INC-1', 'sev1'), opened('INC-2', 'sev3'), opened('INC-3', 'sev3'));
      const seen = page(host, 'p:1', null, 'sev:critical');
      await settle();
      host.setView('p:1', { incidentId: null, user: null, filter: filterOf('sev:critical,minor') });
      host.setView('p:1', { incidentId: null, user: null, filter: filterOf('sev:critical') });
      await settle();
      expect([...seen.state.held.keys()].sort()).toEqual(['INC-2', 'INC-3']);
      // INC-2 changes while hidden: the page's copy is stale and is dropped.
      play(fired('INC-2', 'b'));
      await settle();
      expect([...seen.state.held.keys()]).toEqual(['INC-3']);
      seen.batches.length = 0;
      host.setView('p:1', { incidentId: null, user: null, filter: null });
      await settle();
      const rows = seen.batches.flat().find((patch) => patch.kind === 'rows');
      expect(rows).toMatchObject({
        changed: [expect.objectContaining({ id: 'INC-2' })],
        restored: ['INC-3'],
      });
      expect(seen.state.rows.get('INC-2')?.alertCount).toBe(replica.incident('INC-2')?.alertCount);
      expect(seen.state.active.map((row) => row.id)).toEqual(['INC-1', 'INC-2', 'INC-3']);
    });

    it('answers what the filter bar asks about labels, from the open incidents', async () => {
      const { host, play } = await liveReplica();
      play(opened('INC-1', 'sev1'), fired('INC-1', 'a'));
      const seen = page(host, 'p:1');
      await settle();
      host.setView('p:1', { incidentId: null, user: null, labels: { label: null, prefix: '' } });
      await settle();
      expect(seen.state.labels.label).toBeNull();
      expect(seen.state.labels.values.length).toBeGreaterThan(0);
      const [name] = seen.state.labels.values;
      host.setView('p:1', { incidentId: null, user: null, labels: { label: name as string, prefix: '' } });
      await settle();
      expect(seen.state.labels).toMatchObject({ label: name, prefix: '' });
      expect(seen.state.labels.values.length).toBe(1);
    });

    it("offers a new alert's label on the next key: the replica's change drops the kept counts", async () => {
      const { host, play } = await liveReplica();
      play(opened('INC-1', 'sev1'), fired('INC-1', 'a'));
      const seen = page(host, 'p:1');
      await settle();
      host.setView('p:1', { incidentId: null, user: null, labels: { label: null, prefix: 'r' } });
      await settle();
      expect(seen.state.labels.values).toEqual([]);
      play({
        type: 'alert_fired',
        incidentId: 'INC-1',
        at: 2_000,
        actor: { kind: 'integration', id: 't' },
        alert: alert('b', { labels: { rack: 'r7' } }),
      } as Omit<HubEvent, 'seq'>);
      await settle();
      host.setView('p:1', { incidentId: null, user: null, labels: { label: null, prefix: 'ra' } });
      await settle();
      expect(seen.state.labels).toMatchObject({ label: null, prefix: 'ra', values: ['rack'] });
    });

    it('keeps the incident on screen whole even when the filter leaves it out', async () => {
      const { host, play } = await liveReplica();
      play(opened('INC-1', 'sev4'), fired('INC-1', 'a'));
      const seen = page(host, 'p:1', 'INC-1', 'sev:critical');
      await settle();
      expect(seen.state.rows.size).toBe(0);
      expect(seen.state.focus.incident?.id).toBe('INC-1');
    });

    it('applies no filter it cannot read, and says why', async () => {
      const { host, play } = await liveReplica();
      play(opened('INC-1'));
      const seen = page(host, 'p:1', null, 'sev:urgent');
      await settle();
      expect(seen.state.rows.size).toBe(1);
      expect(seen.state.scope.filterError).toContain('Unknown severity');
    });
  });
});
