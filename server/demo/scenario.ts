import type { Severity } from '../../shared/domain';
import type { DemoAction } from './demo-actions';

// The demo's outage across the example estate (examples/services.yaml), as it would unfold in
// real time: a long-running query holds back the payments database's replicas; the Payments API
// starts failing, checkout slows down, orders fail; meanwhile the identity pair that needs each
// other (auth-api ↔ user-service) degrades, an unrelated edge uplink drops packets, and the
// search cache runs cold. The example people answer as the rotations say they would: the paged
// data engineer acknowledges, the incident commander on call takes command, adds responders,
// notifies the impacted teams and works the runbook; the Payments on-call does not answer at
// first, so its second level is paged. Then things recover, in order.
//
// Times are seconds of the outage at 1× (the drill plays it so, about 16 minutes); the demo
// plays it faster (SITROOM_DEMO_SPEED, 4 by default: about 4 minutes, everything on screen
// within the first minute). Escalation deadlines are the hub's own and run in real time.

export interface DemoAlert {
  readonly id: string;
  readonly status: 'firing' | 'resolved';
  readonly summary: string;
  readonly severity: Severity;
  readonly service: string;
  readonly instance: string;
}

/** What monitoring sends: one Alertmanager group, by its alertname and service. */
export interface AlertStep {
  readonly kind: 'alerts';
  readonly atSeconds: number;
  readonly group: string;
  readonly title: string;
  readonly alerts: ReadonlyArray<DemoAlert>;
}

/** What one of the example people does (the demo plays these; a drill leaves them to trainees). */
export interface ActionStep {
  readonly kind: 'act';
  readonly atSeconds: number;
  readonly group: string;
  readonly action: DemoAction;
}

export type DemoStep = AlertStep | ActionStep;

const fire = (
  id: string,
  summary: string,
  severity: Severity,
  service: string,
  instance: string,
): DemoAlert => ({
  id,
  status: 'firing',
  summary,
  severity,
  service,
  instance,
});
const clear = (alert: DemoAlert): DemoAlert => ({ ...alert, status: 'resolved' });

const lag2 = fire(
  'lag-pg2',
  'Replica pg-pay-02 is 312s behind primary',
  'sev1',
  'payments-db',
  'pg-pay-02.dc1:9187',
);
const lag3 = fire(
  'lag-pg3',
  'Replica pg-pay-03 is 298s behind primary',
  'sev1',
  'payments-db',
  'pg-pay-03.dc1:9187',
);
const api = [1, 2, 3].map((n) =>
  fire(
    `api-5xx-${n}`,
    `payments-api-${n} answers 7% of requests with 5xx`,
    'sev1',
    'payments-api',
    `payments-api-${n}:8080`,
  ),
) as [DemoAlert, DemoAlert, DemoAlert];
const checkout = fire(
  'checkout-p99',
  'checkout-web p99 latency 2.4s (budget 800ms)',
  'sev2',
  'checkout-web',
  'checkout-web',
);
const orders = fire(
  'orders-5xx',
  'orders-api-1 answers 6% of requests with 5xx',
  'sev2',
  'orders-api',
  'orders-api-1:8080',
);
const backlog = fire(
  'orders-backlog',
  'orders-worker is 48000 messages behind',
  'sev3',
  'orders-worker',
  'orders-worker',
);
const users = fire(
  'users-p99',
  'user-service p99 latency 1.4s (budget 800ms)',
  'sev2',
  'user-service',
  'user-service',
);
const logins = fire('login-failures', '12% of logins fail', 'sev2', 'auth-api', 'auth-api');
const edge = fire('edge-loss', 'Packet loss 12% on lb-edge-4 uplink', 'sev3', 'edge-lb', 'lb-edge-4.dc1');
const cache = fire(
  'search-cache',
  'Search cache hit ratio 61% (usually 90%)',
  'sev4',
  'search-index',
  'search-index',
);

const alerts = (
  atSeconds: number,
  group: string,
  title: string,
  list: ReadonlyArray<DemoAlert>,
): AlertStep => ({
  kind: 'alerts',
  atSeconds,
  group,
  title,
  alerts: list,
});
const act = (atSeconds: number, group: string, action: DemoAction): ActionStep => ({
  kind: 'act',
  atSeconds,
  group,
  action,
});

const DB = 'PostgresReplicationLag on payments-db';
const API = 'HighErrorRate on payments-api';
const CHECKOUT = 'LatencyBudgetBurn on checkout-web';
const ORDERS = 'HighErrorRate on orders-api';
const USERS = 'LatencyBudgetBurn on user-service';
const LOGINS = 'LoginFailuresHigh on auth-api';

export const DEMO_SCENARIO: ReadonlyArray<DemoStep> = [
  alerts(0, 'db', DB, [lag2, lag3]),
  alerts(40, 'api', API, [api[0], api[1]]),
  alerts(80, 'checkout', CHECKOUT, [checkout]),
  alerts(100, 'api', API, api),
  act(120, 'db', { type: 'acknowledge', by: 'paged' }),
  act(125, 'db', {
    type: 'add_note',
    by: 'paged',
    text: 'Lag on both replicas and growing. Looking at pg_stat_activity on the primary.',
  }),
  alerts(140, 'orders', ORDERS, [orders]),
  act(160, 'api', { type: 'take_command', by: 'commander' }),
  act(165, 'api', { type: 'add_responder', by: 'commander', who: { rotation: 'payments-primary' } }),
  act(170, 'api', { type: 'add_responder', by: 'commander', who: { rotation: 'data-platform-oncall' } }),
  alerts(180, 'users', USERS, [users]),
  alerts(200, 'logins', LOGINS, [logins]),
  act(220, 'api', { type: 'notify_impacted', by: 'commander' }),
  act(240, 'db', { type: 'complete_runbook_steps', by: 'paged', count: 2 }),
  alerts(260, 'backlog', 'KafkaConsumerLagHigh on orders-worker', [backlog]),
  alerts(300, 'edge', 'UplinkPacketLoss on edge-lb', [edge]),
  act(330, 'api', {
    type: 'add_note',
    by: 'commander',
    text: 'Payments API errors follow the database lag. Data platform is on it; checkout and orders are downstream.',
  }),
  alerts(360, 'cache', 'CacheHitRatioLow on search-index', [cache]),
  act(420, 'db', {
    type: 'add_note',
    by: 'paged',
    text: 'A long-running analytics query on the primary held back replication. Cancelled it; lag is falling.',
  }),
  alerts(480, 'db', DB, [lag2, clear(lag3)]),
  act(540, 'logins', { type: 'acknowledge', by: 'paged' }),
  alerts(600, 'edge', 'UplinkPacketLoss on edge-lb', [clear(edge)]),
  alerts(660, 'db', DB, [clear(lag2), clear(lag3)]),
  act(700, 'api', { type: 'set_status', by: 'commander', status: 'mitigated' }),
  alerts(720, 'api', API, api.map(clear)),
  alerts(760, 'users', USERS, [clear(users)]),
  alerts(780, 'logins', LOGINS, [clear(logins)]),
  alerts(800, 'checkout', CHECKOUT, [clear(checkout)]),
  // Whoever was paged last (the second level, by now) answers.
  act(840, 'api', { type: 'acknowledge', by: 'paged' }),
  alerts(850, 'orders', ORDERS, [clear(orders)]),
  alerts(900, 'backlog', 'KafkaConsumerLagHigh on orders-worker', [clear(backlog)]),
  act(920, 'db', { type: 'set_status', by: 'commander', status: 'resolved' }),
  act(930, 'logins', { type: 'set_status', by: 'commander', status: 'resolved' }),
  act(950, 'api', {
    type: 'add_note',
    by: 'commander',
    text: 'All clear. Follow-up: move analytics queries to the async replica.',
  }),
  act(960, 'api', { type: 'set_status', by: 'commander', status: 'resolved' }),
];
