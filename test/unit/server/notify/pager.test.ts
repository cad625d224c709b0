import { afterEach, describe, expect, it } from 'vitest';
import {
  ABANDONED,
  FinishedDeliveries,
  findUnfinished,
  RESUME_WITHIN_MS,
} from '../../../../server/cluster/unfinished-deliveries';
import type { PostResult } from '../../../../server/notify/post-json';
import type { SitroomConfig } from '../../../../shared/config/types';
import type { EscalationLevelPaged, HubEvent, NotificationDelivered } from '../../../../shared/events';
import {
  type EscalationHarness,
  escalationConfig,
  MINUTE,
  openHarness,
} from '../../../support/escalation-harness';
import { FakeClock } from '../../../support/fake-clock';
import { tempDataDir } from '../../../support/hub';

// Delivering pages: who gets a POST for a page, what it says, and the retry schedule, with the
// network replaced by a script of answers and time driven by the test. The real HTTP path is
// covered against a loopback receiver in test/integration/escalation.test.ts.

const T0 = Date.parse('2026-01-05T10:00:00Z');
const base = escalationConfig();
const config: SitroomConfig = {
  ...base,
  users: base.users.map((user) =>
    user.id === 'alice' ? { ...user, webhook: 'https://pager.example/alice' } : user,
  ),
  teams: [
    {
      id: 'sre',
      name: 'SRE',
      members: ['alice', 'bob'],
      notify: [
        { kind: 'webhook', url: 'https://hooks.example/sre' },
        { kind: 'slack', url: 'https://hooks.slack.example/T0/B0/secret' },
      ],
    },
  ],
  policies: [
    {
      id: 'p',
      levels: [
        { notify: [{ kind: 'user', id: 'alice' }], escalateAfterMinutes: 5 },
        { notify: [{ kind: 'team', id: 'sre' }], escalateAfterMinutes: 5 },
      ],
      repeat: 0,
    },
  ],
  defaultPolicy: 'p',
};

interface Sent {
  readonly url: string;
  readonly at: number;
  readonly body: Record<string, unknown>;
}

let harness: EscalationHarness;
afterEach(async () => {
  await harness.close();
});

/** A harness whose network answers each URL from a script (default: 200). */
function withNetwork(script: Record<string, PostResult[]> = {}) {
  const sent: Sent[] = [];
  const clock = new FakeClock(T0);
  harness = openHarness({
    dataDir: tempDataDir('sitroom-pager-'),
    config,
    clock,
    delivery: {
      post: async (url, body) => {
        sent.push({ url, at: clock.now(), body: JSON.parse(body) as Record<string, unknown> });
        return script[url]?.shift() ?? { ok: true };
      },
    },
  });
  return { sent, h: harness };
}

const outcomes = (events: ReadonlyArray<HubEvent>): string[] =>
  events.flatMap((event) =>
    event.type === 'notification_delivered'
      ? [`${event.target} delivered #${event.attempt}`]
      : event.type === 'notification_failed'
        ? [`${event.target} failed #${event.attempt}${event.retrying ? ' retrying' : ''}: ${event.error}`]
        : [],
  );

const fail = (error = 'HTTP 500'): PostResult => ({ ok: false, retry: true, error });

describe('paging a person', () => {
  it('POSTs the page to their webhook and records the delivery', async () => {
    const { sent, h } = withNetwork();
    const id = await h.open('g1');
    await h.clock.advance(0);
    expect(sent.map((post) => post.url)).toEqual(['https://pager.example/alice']);
    expect(sent[0]?.body).toMatchObject({
      incident: { id, severity: 'sev2' },
      level: 1,
      paged: [{ id: 'alice', name: 'Alice' }],
      text: expect.stringContaining('Escalation level 1 pages Alice'),
    });
    expect(outcomes(h.events(id))).toEqual(['alice delivered #1']);
    expect(h.events(id, 'notification_delivered')[0]).toMatchObject({
      host: 'pager.example',
      level: 1,
      channel: 'webhook',
    });
  });

  it('retries after 1 s, 2 s, 4 s and 8 s, recording every failed try, and stops at 5', async () => {
    const { sent, h } = withNetwork({
      'https://pager.example/alice': [fail(), fail(), fail(), fail(), fail()],
    });
    const id = await h.open('g1');
    await h.clock.advance(MINUTE);
    expect(sent.map((post) => (post.at - T0) / 1000)).toEqual([0, 1, 3, 7, 15]);
    expect(outcomes(h.events(id))).toEqual([
      'alice failed #1 retrying: HTTP 500',
      'alice failed #2 retrying: HTTP 500',
      'alice failed #3 retrying: HTTP 500',
      'alice failed #4 retrying: HTTP 500',
      'alice failed #5: HTTP 500',
    ]);
  });

  it('is delivered on the third try after two failures', async () => {
    const { h } = withNetwork({ 'https://pager.example/alice': [fail(), fail('no answer within 5000 ms')] });
    const id = await h.open('g1');
    await h.clock.advance(10_000);
    expect(outcomes(h.events(id))).toEqual([
      'alice failed #1 retrying: HTTP 500',
      'alice failed #2 retrying: no answer within 5000 ms',
      'alice delivered #3',
    ]);
  });

  it('does not retry a refusal (4xx)', async () => {
    const { h } = withNetwork({
      'https://pager.example/alice': [{ ok: false, retry: false, error: 'HTTP 404' }],
    });
    const id = await h.open('g1');
    await h.clock.advance(MINUTE);
    expect(outcomes(h.events(id))).toEqual(['alice failed #1: HTTP 404']);
  });

  it('stops retrying once someone has acknowledged', async () => {
    const { sent, h } = withNetwork({ 'https://pager.example/alice': [fail()] });
    const id = await h.open('g1');
    await h.command('bob', 'acknowledge', id);
    await h.clock.advance(MINUTE);
    expect(sent).toHaveLength(1);
    // Said as a final outcome, so no later leader takes it for one left under way.
    expect(outcomes(h.events(id))).toEqual([
      'alice failed #1 retrying: HTTP 500',
      'alice failed #1: not sent on: the incident was answered meanwhile',
    ]);
  });
});

describe('paging a team', () => {
  it("tells each of the team's channels: generic JSON to a webhook, {text} to Slack, escaped", async () => {
    const { sent, h } = withNetwork();
    const id = await h.open('g1');
    await h.clock.advance(5 * MINUTE);
    const team = sent.filter((post) => post.url !== 'https://pager.example/alice');
    expect(team.map((post) => post.url)).toEqual([
      'https://hooks.example/sre',
      'https://hooks.slack.example/T0/B0/secret',
    ]);
    expect(team[0]?.body).toMatchObject({
      level: 2,
      teams: ['sre'],
      paged: [{ id: 'alice' }, { id: 'bob' }],
    });
    expect(Object.keys(team[1]?.body ?? {})).toEqual(['text']);
    // Members are paged in person too: alice's own webhook hears about level 2.
    expect(sent.filter((post) => post.url === 'https://pager.example/alice')).toHaveLength(2);
    expect(outcomes(h.events(id)).filter((line) => line.startsWith('sre'))).toEqual([
      'sre delivered #1',
      'sre delivered #1',
    ]);
    // The URL's secret path never reaches the log.
    expect(JSON.stringify(h.events(id))).not.toContain('secret');
  });
});

describe('finishing a page an earlier term left under way', () => {
  it('sends what has no final outcome again with the same key, and records one over an hour old as abandoned', async () => {
    const keys: Array<string | undefined> = [];
    const clock = new FakeClock(T0);
    harness = openHarness({
      dataDir: tempDataDir('sitroom-pager-'),
      config,
      clock,
      delivery: {
        post: async (_url, _body, _timeoutMs, _signal, idempotencyKey) => {
          keys.push(idempotencyKey);
          return { ok: true };
        },
      },
    });
    const h = harness;
    const id = await h.open('g1');
    await h.clock.advance(0);
    const page = h.events(id, 'escalation_level_paged')[0] as EscalationLevelPaged;
    const finished = findUnfinished(h.committed, page.seq).pages[0]?.finished as FinishedDeliveries;
    // Delivered already: nothing to finish.
    expect(h.escalations.pager.resume(page, finished)).toBe(0);
    expect(keys).toHaveLength(1);

    // As if its outcome had never been recorded: sent again, under the same key.
    expect(h.escalations.pager.resume(page, new FinishedDeliveries())).toBe(1);
    await h.clock.advance(0);
    await h.settle();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toMatch(new RegExp(`-${page.seq}\\.[0-9a-f]{12}$`));
    const delivered = h.events(id, 'notification_delivered') as NotificationDelivered[];
    expect(new Set(delivered.map((event) => event.deliveryId))).toEqual(
      new Set([keys[0]?.split('-').at(-1)]),
    );
    expect(delivered).toHaveLength(2);

    // Requested more than an hour before: not sent, the timeline says why.
    const old = { ...page, at: clock.now() - RESUME_WITHIN_MS - 1 };
    expect(h.escalations.pager.resume(old, new FinishedDeliveries())).toBe(1);
    await h.settle();
    expect(keys).toHaveLength(2);
    expect(outcomes(h.events(id)).at(-1)).toBe(`alice failed #0: ${ABANDONED}`);
  });
});
