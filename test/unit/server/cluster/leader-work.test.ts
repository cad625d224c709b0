import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { directoryFrom } from '../../../../server/auth/config-directory';
import { LeaderWork } from '../../../../server/cluster/leader-work';
import { ingestBatch } from '../../../../server/http/ingest-routes';
import type { PostResult } from '../../../../server/notify/post-json';
import { HubState } from '../../../../server/state';
import { LogFolder } from '../../../../server/store/log-folder';
import { Snapshots } from '../../../../server/store/snapshots';
import { SqliteLog } from '../../../../server/store/sqlite/sqlite-log';
import { StoreHealth } from '../../../../server/store/store-health';
import { Writer } from '../../../../server/store/writer';
import type { HubEvent } from '../../../../shared/events';
import { escalationConfig, escalationDeps } from '../../../support/escalation-harness';
import { FakeClock } from '../../../support/fake-clock';
import { alert, batch } from '../../../support/fixtures';
import { tempDataDir } from '../../../support/hub';
import { until } from '../../../support/until';

// A term that ends while it finishes what an earlier term left under way sends nothing more and
// records nothing more: not the rest of a page's deliveries once the first has gone out, and not the outcome of one whose
// commit was still waiting when the term ended. A real SQLite log and the real writer; the
// network is the test's `post`.

const T0 = Date.UTC(2026, 11, 5, 12);
const PAGES = 3;

const config = escalationConfig({
  users: [
    {
      id: 'dana',
      name: 'Dana',
      role: 'commander',
      tokenSha256: '0'.repeat(64),
      email: null,
      webhook: 'https://pager.example/dana',
    },
  ],
  teams: [
    {
      id: 'sre',
      name: 'SRE',
      members: [],
      notify: [
        { kind: 'webhook', url: 'https://pager.example/sre' },
        { kind: 'slack', url: 'https://chat.example/sre' },
      ],
    },
  ],
});
/** Each page goes to dana's webhook and the SRE team's two channels. */
const DELIVERIES_PER_PAGE = 3;

interface Hub {
  readonly work: LeaderWork;
  readonly writer: Writer;
  readonly committed: HubEvent[];
  close(): Promise<void>;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A hub whose log holds PAGES pages to dana that an earlier term committed and never delivered,
 * and its leader work, not yet begun; `post` answers each of the new term's POSTs.
 */
async function hubWithUnfinishedPages(post: (hub: Hub, url: string) => Promise<PostResult>): Promise<Hub> {
  const dir = tempDataDir('sitroom-leader-work-');
  dirs.push(dir);
  const clock = new FakeClock(T0);
  const store = new SqliteLog(dir, () => {});
  const state = new HubState([], 0);
  const folder = new LogFolder(state, store);
  const writer = new Writer(store, folder, new StoreHealth(clock.now), clock.now);
  const committed: HubEvent[] = [];
  const directory = directoryFrom(config);
  let hub: Hub | null = null;
  const work = new LeaderWork({
    escalations: escalationDeps(writer, clock, state, config, {
      retry: { attempts: 1, firstBackoffMs: 1_000, timeoutMs: 1_000 },
      post: (url) => post(hub as Hub, url),
    }),
    notifier: {
      writer,
      incident: (id) => state.incident(id),
      config: () => config,
      graph: () => directory.catalogGraph(),
      log: () => {},
      now: clock.now,
    },
    snapshots: new Snapshots(store, state, 0, () => {}),
    store,
    seq: () => state.seq,
    now: clock.now,
    log: () => {},
  });
  for (let i = 1; i <= PAGES; i++) {
    const [opened] = await ingestBatch(
      writer,
      batch(`g${i}`, [alert(`a${i}`, { service: 'db' })], { receivedAt: T0 }),
    );
    await writer.submit(() => [
      {
        at: T0,
        actor: { kind: 'system' },
        incidentId: opened?.incidentId ?? '',
        type: 'escalation_level_paged',
        level: 1,
        cycle: 0,
        targets: ['dana'],
        teams: ['sre'],
        dueNext: null,
      },
    ]);
  }
  // From here on what is committed is the new term's.
  folder.onFolded((events) => {
    committed.push(...events);
    work.onCommitted(events);
  });
  hub = {
    work,
    writer,
    committed,
    async close() {
      await work.end();
      await writer.drain();
      writer.close();
      await store.close();
    },
  };
  return hub;
}

const outcomes = (events: ReadonlyArray<HubEvent>) =>
  events.filter((event) => event.type === 'notification_delivered' || event.type === 'notification_failed');

describe('a term that ends mid-resume', () => {
  it('sends none of the deliveries it had not sent yet', async () => {
    const posts: string[] = [];
    const hub = await hubWithUnfinishedPages(async (self, url) => {
      posts.push(url);
      // Leadership lost as the first resumed page goes out.
      void self.work.end();
      return { ok: true };
    });
    hub.work.begin();
    await until(() => posts.length > 0, 'the first resumed page sent');
    await hub.work.end();
    await hub.writer.drain();
    expect(posts).toEqual(['https://pager.example/dana']);
    expect(outcomes(hub.committed)).toEqual([]);
    await hub.close();
  });

  it('records no outcome whose commit was still waiting when the term ended', async () => {
    const posts: string[] = [];
    const hub = await hubWithUnfinishedPages(async (self, url) => {
      posts.push(url);
      // Leadership is lost in the commit just before the outcomes' one: they were handed to the
      // writer while the term was current, and planned after it ended.
      if (posts.length === 1)
        void self.writer.submit(() => {
          void self.work.end();
          return [];
        });
      return { ok: true };
    });
    hub.work.begin();
    await until(() => posts.length === PAGES * DELIVERIES_PER_PAGE, 'every resumed page sent');
    await hub.work.end();
    await hub.writer.drain();
    expect(outcomes(hub.committed)).toEqual([]);
    await hub.close();
  });

  it('records every outcome while the term lasts', async () => {
    const hub = await hubWithUnfinishedPages(async () => ({ ok: true }));
    hub.work.begin();
    const all = PAGES * DELIVERIES_PER_PAGE;
    await until(() => outcomes(hub.committed).length === all, 'every resumed delivery recorded');
    expect(outcomes(hub.committed).map((event) => event.type)).toEqual(
      Array.from({ length: all }, () => 'notification_delivered'),
    );
    await hub.close();
  });
});
