import type { SitroomConfig } from '../../shared/config/types';
import type { Actor, Incident, Severity } from '../../shared/domain';
import { planDue, planStart, planStop } from '../../shared/escalation/escalation-plans';
import type { HubEvent, NewEvent } from '../../shared/events';
import { applyEvents } from '../../shared/reducer';
import { onCall } from './demo-actions';

// Two weeks of past incidents for the demo's statistics, written as events with their real past
// times (`at`), so the statistics read them exactly as they read real ones. They are marked as
// demo data three ways: source "demo", the label demo="true", and a note on each saying so.
// Who was paged, who acknowledged and who led come from the example rotations as they stood at
// those past moments (the same escalation plans the hub runs live), so the history agrees with
// the configuration on screen. Deterministic: the same `now` writes the same history.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DAYS = 14;
const COUNT = 36;
const SYSTEM: Actor = { kind: 'system' };
const DEMO: Actor = { kind: 'integration', id: 'demo' };
export const HISTORY_GROUP_PREFIX = 'demo-history:';

interface PastProblem {
  readonly alertname: string;
  readonly service: string;
  readonly severity: Severity;
  readonly summary: string;
}

const PROBLEMS: ReadonlyArray<PastProblem> = [
  {
    alertname: 'PostgresReplicationLag',
    service: 'payments-db',
    severity: 'sev1',
    summary: 'Replica pg-pay-02 is 340s behind primary',
  },
  {
    alertname: 'HighErrorRate',
    service: 'payments-api',
    severity: 'sev1',
    summary: 'payments-api-2 answers 9% of requests with 5xx',
  },
  { alertname: 'LoginFailuresHigh', service: 'auth-api', severity: 'sev2', summary: '14% of logins fail' },
  {
    alertname: 'LatencyBudgetBurn',
    service: 'checkout-web',
    severity: 'sev2',
    summary: 'checkout-web p99 latency 1.9s (budget 800ms)',
  },
  {
    alertname: 'LatencyBudgetBurn',
    service: 'user-service',
    severity: 'sev2',
    summary: 'user-service p99 latency 1.2s (budget 800ms)',
  },
  {
    alertname: 'HighErrorRate',
    service: 'orders-api',
    severity: 'sev2',
    summary: 'orders-api-1 answers 6% of requests with 5xx',
  },
  {
    alertname: 'KafkaConsumerLagHigh',
    service: 'orders-worker',
    severity: 'sev3',
    summary: 'orders-worker is 31000 messages behind',
  },
  {
    alertname: 'UplinkPacketLoss',
    service: 'edge-lb',
    severity: 'sev3',
    summary: 'Packet loss 7% on lb-edge-2 uplink',
  },
  {
    alertname: 'HighErrorRate',
    service: 'cdn',
    severity: 'sev2',
    summary: 'CDN answers 4% of requests with 5xx in FRA',
  },
  {
    alertname: 'CacheHitRatioLow',
    service: 'search-index',
    severity: 'sev4',
    summary: 'Search cache hit ratio 66% (usually 90%)',
  },
  {
    alertname: 'LatencyBudgetBurn',
    service: 'cart-api',
    severity: 'sev3',
    summary: 'cart-api p99 latency 950ms (budget 800ms)',
  },
  {
    alertname: 'HighErrorRate',
    service: 'psp-gateway',
    severity: 'sev1',
    summary: 'Card processor gateway: 12% of authorisations fail',
  },
  {
    alertname: 'DiskFillingUp',
    service: 'observability',
    severity: 'sev3',
    summary: 'Log storage 91% full, full in 6h at this rate',
  },
  {
    alertname: 'KafkaUnderReplicatedPartitions',
    service: 'kafka',
    severity: 'sev2',
    summary: '18 partitions under-replicated on broker 3',
  },
  {
    alertname: 'EmailBounceRateHigh',
    service: 'email-relay',
    severity: 'sev4',
    summary: 'Bounce rate 8% from the outbound relay',
  },
];

/** A small deterministic generator, so two demos started at the same moment write the same past. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The events of COUNT past incidents over the last two weeks, oldest first; ids from `newId`. */
export function demoHistory(config: SitroomConfig, now: number, newId: () => string): NewEvent[] {
  const random = seeded(Math.floor(now / DAY));
  const starts = Array.from({ length: COUNT }, () => now - DAY * DAYS * random()).sort((a, b) => a - b);
  // Keep the last hour free, so the history never looks like part of the live demo.
  return starts
    .filter((start) => start < now - 3 * 60 * MINUTE)
    .flatMap((start, n) =>
      pastIncident(
        config,
        PROBLEMS[Math.floor(random() * PROBLEMS.length)] as PastProblem,
        start,
        n,
        newId(),
        random,
      ),
    );
}

function pastIncident(
  config: SitroomConfig,
  problem: PastProblem,
  openedAt: number,
  n: number,
  incidentId: string,
  random: () => number,
): NewEvent[] {
  const events: NewEvent[] = [];
  let incident: Incident | undefined;
  // Folded as it goes (with stand-in seqs; the writer numbers the real ones), so each step is
  // planned against the incident as it then stood.
  const add = (more: ReadonlyArray<NewEvent>): void => {
    const numbered = more.map((event, i) => ({ ...event, seq: events.length + i + 1 }) as HubEvent);
    for (const event of more) events.push(event);
    incident = applyEvents(incident ? { [incidentId]: incident } : {}, numbered)[incidentId];
  };
  const at = (time: number) => ({ at: Math.round(time), incidentId });
  const fingerprint = `demo-history-${n}`;
  add([
    {
      ...at(openedAt),
      actor: DEMO,
      type: 'incident_opened',
      title: `${problem.alertname} on ${problem.service}`,
      severity: problem.severity,
      source: 'demo',
      groupKey: `${HISTORY_GROUP_PREFIX}${n}`,
    },
    {
      ...at(openedAt),
      actor: DEMO,
      type: 'alert_fired',
      alert: {
        fingerprint,
        source: 'demo',
        status: 'firing',
        title: problem.summary,
        severity: problem.severity,
        service: problem.service,
        labels: { alertname: problem.alertname, service: problem.service, demo: 'true' },
        annotations: { summary: problem.summary },
        links: [],
        startsAt: openedAt,
        endsAt: null,
      },
    },
    {
      ...at(openedAt),
      actor: SYSTEM,
      type: 'note_added',
      text: 'Demo data: a past incident the demo wrote when it started, so the statistics have history.',
    },
  ]);
  const ctx = (time: number) => ({ config, now: Math.round(time) });
  if (incident) add(planStart(incident, ctx(openedAt)));

  // Informational alerts mostly clear by themselves; the rest are answered within minutes,
  // sometimes only after the next level was woken.
  const answered = problem.severity !== 'sev4' || random() < 0.3;
  const urgency = problem.severity === 'sev1' ? 1 : problem.severity === 'sev2' ? 2 : 4;
  const ackAt = openedAt + MINUTE * (0.5 + random() * 5 * urgency);
  const resolvedAt = ackAt + MINUTE * (8 + random() * 60 * urgency);
  const until = answered ? ackAt : resolvedAt;
  for (let guard = 0; guard < 10; guard++) {
    const due = incident?.escalation?.nextLevelAt ?? null;
    if (!incident || due === null || due >= until) break;
    add(planDue(incident, due, ctx(due)));
  }

  if (answered && incident) {
    const responder = incident.escalation?.pagedUserIds[0] ?? null;
    const commander = commanderAt(config, ackAt);
    if (responder)
      add([{ ...at(ackAt), actor: { kind: 'user', id: responder }, type: 'incident_acknowledged' }]);
    if (incident) add(planStop(incident, ctx(ackAt)));
    if (commander && urgency <= 2) {
      const person: Actor = { kind: 'user', id: commander };
      add([{ ...at(ackAt + 2 * MINUTE), actor: person, type: 'commander_assigned', userId: commander }]);
      if (responder)
        add([{ ...at(ackAt + 3 * MINUTE), actor: person, type: 'responder_added', userId: responder }]);
    }
    if (responder) {
      add([
        {
          ...at(resolvedAt - 2 * MINUTE),
          actor: DEMO,
          type: 'alert_resolved',
          fingerprint,
          endsAt: Math.round(resolvedAt - 2 * MINUTE),
        },
        {
          ...at(resolvedAt),
          actor: { kind: 'user', id: commander ?? responder },
          type: 'incident_resolved',
          reason: 'manual',
        },
      ]);
      if (incident) add(planStop(incident, ctx(resolvedAt)));
      return events;
    }
  }
  add([
    { ...at(resolvedAt), actor: DEMO, type: 'alert_resolved', fingerprint, endsAt: Math.round(resolvedAt) },
    { ...at(resolvedAt), actor: DEMO, type: 'incident_resolved', reason: 'alerts_cleared' },
  ]);
  if (incident) add(planStop(incident, ctx(resolvedAt)));
  return events;
}

function commanderAt(config: SitroomConfig, t: number): string | null {
  return (
    onCall(config, 'incident-commanders', t) ??
    config.users.find((user) => user.role === 'commander')?.id ??
    null
  );
}
