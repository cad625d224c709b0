import type { Change, ChangeKind } from '../../shared/changes/change';

// What changed just before the demo's outage, as the example estate's CI and people would have
// reported it (POST /api/v1/ingest/change): the analytics job whose long query holds back the
// payments database's replicas, a deploy of checkout-web, and a flag on an unrelated service. The
// incidents on payments-db, payments-api and checkout-web show the first two (payments-db is their
// dependency); search-api's flag shows only on its own panel.

interface DemoChange {
  readonly minutesBefore: number;
  readonly service: string;
  readonly kind: ChangeKind;
  readonly summary: string;
  readonly by: string;
  readonly link?: string;
}

const DEMO_CHANGES: ReadonlyArray<DemoChange> = [
  {
    minutesBefore: 6,
    service: 'payments-db',
    kind: 'deploy',
    summary: 'analytics-export v4.1 (nightly reconciliation query moved to the primary)',
    by: 'ci',
    link: 'https://ci.example.org/analytics-export/builds/412',
  },
  { minutesBefore: 4, service: 'checkout-web', kind: 'deploy', summary: 'v2.3', by: 'ci' },
  { minutesBefore: 12, service: 'search-api', kind: 'flag', summary: 'new-ranking 10% → 50%', by: 'priya' },
];

/** The demo's changes as if reported at `now`, each its minutes before it; ids unique per run. */
export function demoChanges(runId: string, now: number): Change[] {
  return DEMO_CHANGES.map((change, index) => ({
    id: `demo-${runId}-change-${index}`,
    service: change.service,
    kind: change.kind,
    summary: change.summary,
    by: change.by,
    at: now - change.minutesBefore * 60_000,
    source: null,
    links: change.link ? [{ href: change.link, text: 'build' }] : [],
  }));
}
