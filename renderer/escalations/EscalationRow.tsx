import { memo } from 'react';
import type { DisplayNames } from '../../shared/export/describe-event';
import { SeverityBadge } from '../board/SeverityBadge';
import { formatClockTime } from '../format';
import { KeyHint } from '../keyboard/KeyHint';
import { Untrusted } from '../text/Untrusted';
import { Countdown } from './Countdown';
import type { EscalationRow as Row } from './escalation-rows';
import { describeNextTargets, levelLabel, pagedPeople } from './escalation-text';

// One running escalation, read from across the room: which incident, how far up the ladder, who
// is paged, who is next and when. Incident titles come from monitoring: text nodes only.

export interface EscalationRowProps {
  readonly row: Row;
  readonly names: DisplayNames;
  readonly selected: boolean;
  /** Null when the signed-in role may escalate, else why not. */
  readonly refusal: string | null;
  readonly pending: boolean;
  readonly onSelect: (incidentId: string) => void;
  readonly onOpen: (incidentId: string) => void;
  readonly onEscalate: (incidentId: string) => void;
}

/** A row of the escalation view; Enter (through the view's keymap) opens its incident. */
export const EscalationRow = memo(function EscalationRow(props: EscalationRowProps) {
  const { row, names, selected, refusal, pending, onSelect, onOpen, onEscalate } = props;
  const { incident, escalation } = row;
  return (
    <li
      className="escalation-row"
      data-testid="escalation-row"
      data-incident-id={incident.id}
      data-severity={incident.severity}
      aria-current={selected ? 'true' : undefined}
      tabIndex={selected ? 0 : -1}
      onFocus={() => onSelect(incident.id)}
    >
      <div className="escalation-row__incident">
        <SeverityBadge severity={incident.severity} />
        <button
          type="button"
          className="button--link escalation-row__open"
          onClick={() => onOpen(incident.id)}
        >
          <span className="escalation-row__id">{incident.id}</span> <Untrusted text={incident.title} />
        </button>
        <span className="escalation-row__policy">policy {escalation.policyId}</span>
      </div>
      <div className="escalation-row__level" data-testid="escalation-level">
        {escalation.level === 0 ? 'Starting' : levelLabel(escalation.level, row.levels, escalation.cycle)}
      </div>
      <div className="escalation-row__paged" data-testid="escalation-paged">
        <span className="escalation-row__label">Paged now</span>
        {escalation.level === 0 ? '—' : <PagedNow row={row} names={names} />}
      </div>
      <div className="escalation-row__next" data-testid="escalation-next">
        <span className="escalation-row__label">Next</span>
        <NextPageText row={row} names={names} />
      </div>
      <div className="escalation-row__when">
        {escalation.nextLevelAt !== null ? (
          <Countdown at={escalation.nextLevelAt} />
        ) : (
          <span className="escalation-row__waiting">waiting for an acknowledgement</span>
        )}
      </div>
      <button
        type="button"
        className="button escalation-row__escalate"
        aria-disabled={refusal !== null || pending}
        aria-busy={pending}
        aria-keyshortcuts="e"
        title={refusal ?? 'Page the next level now (e)'}
        onClick={() => {
          onSelect(incident.id);
          // While pending, escalate says what is still on its way and sends nothing more.
          onEscalate(incident.id);
        }}
      >
        {pending ? 'Escalating…' : 'Escalate now'} <KeyHint chord="e" />
      </button>
    </li>
  );
});

/**
 * Who is paged now, and apart, in the warning colour, anyone no page can reach: the log says
 * they were paged, but with no contact configured nothing was ever delivered to them.
 */
function PagedNow({ row, names }: { readonly row: Row; readonly names: DisplayNames }) {
  const { escalation } = row;
  const people = pagedPeople(escalation.pagedUserIds, row.unreachableUserIds, names);
  return (
    <>
      {people.reached}
      {escalation.pagedAt !== null && people.reached !== '' ? (
        <span className="escalation-row__since"> at {formatClockTime(escalation.pagedAt)}</span>
      ) : null}
      {people.unreachable.map((text) => (
        <span key={text} className="escalation-row__unreachable" data-testid="escalation-unreachable">
          {text}
        </span>
      ))}
    </>
  );
}

/** Who the next level pages, once the hub has said; nothing follows the ladder's last level. */
function NextPageText({ row, names }: { readonly row: Row; readonly names: DisplayNames }) {
  // Started but not paged yet: the hub pages level 1 in the same breath.
  if (row.escalation.level === 0) return <span className="escalation-row__muted">level 1, now</span>;
  if (row.next === undefined) return <span className="escalation-row__muted">asking the hub…</span>;
  if (row.next === null) {
    return <span className="escalation-row__muted">nobody: the last level has been paged</span>;
  }
  return (
    <>
      <span className="escalation-row__next-level">
        {levelLabel(row.next.level, row.levels, row.next.cycle)}:
      </span>{' '}
      {describeNextTargets(row.next, names)}
    </>
  );
}
