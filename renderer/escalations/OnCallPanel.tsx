import { formatDurationBrief } from '../../shared/duration-format';
import type { RotationOnCall } from '../../shared/escalation/escalations-view';
import { type DisplayNames, personLabel } from '../../shared/export/describe-event';
import { useNow } from '../state/clock-store';
import { formatShiftTime } from './escalation-text';

export interface OnCallPanelProps {
  /** The hub's answer for every rotation; null until it has answered. */
  readonly oncall: ReadonlyArray<RotationOnCall> | null;
  readonly names: DisplayNames;
}

/** "On call now": per rotation, who holds the pager, since and until when, and who takes over. */
export function OnCallPanel({ oncall, names }: OnCallPanelProps) {
  const now = useNow();
  return (
    <section className="oncall" aria-labelledby="oncall-heading" data-testid="oncall">
      <h3 id="oncall-heading" className="oncall__title">
        On call now
      </h3>
      {oncall === null ? <p className="oncall__empty">Asking the hub…</p> : null}
      {oncall !== null && oncall.length === 0 ? (
        <p className="oncall__empty">No rotations are configured (escalation.yaml).</p>
      ) : null}
      <ul className="oncall__list">
        {(oncall ?? []).map((rotation) => {
          const until = rotation.until === null ? null : Date.parse(rotation.until);
          const since = rotation.since === null ? null : Date.parse(rotation.since);
          return (
            <li key={rotation.rotationId} className="oncall__rotation" data-rotation-id={rotation.rotationId}>
              <span className="oncall__rotation-id">{rotation.rotationId}</span>
              <span className="oncall__who">{personLabel(rotation.userId, names)}</span>
              <span className="oncall__shift">
                {since !== null ? `since ${formatShiftTime(since, now)}` : 'since long ago'}
                {' · '}
                {until !== null
                  ? `until ${formatShiftTime(until, now)} (${formatDurationBrief(until - now)} left)`
                  : 'no handover planned'}
              </span>
              <span className="oncall__next">
                <span className="oncall__label">Next</span>{' '}
                {rotation.nextUserId !== null ? personLabel(rotation.nextUserId, names) : 'nobody'}
              </span>
              <span className="oncall__zone">{rotation.timezone}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
