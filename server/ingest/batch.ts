import type { Actor, Alert, AlertSource } from '../../shared/domain';

/** One delivery from monitoring, normalised: the alerts of one group, which is one incident. */
export interface IngestBatch {
  readonly source: AlertSource;
  readonly actor: Actor;
  /** Alertmanager groupKey or PagerDuty dedup_key. */
  readonly groupKey: string;
  /** Title for a new incident from this group. */
  readonly title: string;
  readonly alerts: ReadonlyArray<Alert>;
  /** PagerDuty's acknowledge: monitoring says someone has it. */
  readonly acknowledge?: boolean;
  readonly receivedAt: number;
}
