import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { KeyHint } from '../keyboard/KeyHint';
import { EnableNotificationsButton } from '../notifications/EnableNotificationsButton';
import { useDisplayNames } from '../session/people-store';
import { useBoardStore } from '../state/board-store';
import { openIncident, returnToBoard } from '../state/view-store';
import { EscalationRow } from './EscalationRow';
import { escalationRows, selectRunningEscalations } from './escalation-rows';
import { useEscalationsStore } from './escalations-store';
import { OnCallPanel } from './OnCallPanel';
import { useEscalate } from './use-escalate';
import { useEscalationKeys } from './use-escalation-keys';
import { useEscalationsFeed } from './use-escalations-feed';

/**
 * Every running escalation (live from the replica, with who is next from the hub), then who is
 * on call. Opening it focuses its heading; live updates never move focus.
 */
export function EscalationsView() {
  useEscalationsFeed();
  const running = useBoardStore((state) => selectRunningEscalations(state.active));
  const answer = useEscalationsStore((state) => state.answer);
  const failure = useEscalationsStore((state) => state.failure);
  const rows = useMemo(() => escalationRows(running, answer), [running, answer]);
  const names = useDisplayNames();
  const escalator = useEscalate();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  // The chosen row, or the first while nothing (still) on screen is chosen.
  const selectedId = rows.some((row) => row.incident.id === chosenId)
    ? chosenId
    : (rows[0]?.incident.id ?? null);

  const focusRow = useCallback((incidentId: string) => {
    setChosenId(incidentId);
    list.current?.querySelector<HTMLElement>(`[data-incident-id="${CSS.escape(incidentId)}"]`)?.focus();
  }, []);
  useEscalationKeys({
    order: rows.map((row) => row.incident.id),
    selectedId,
    focusRow,
    open: openIncident,
    escalate: escalator.escalate,
  });
  useLayoutEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section
      className="escalations-view"
      aria-labelledby="escalations-heading"
      data-testid="escalations-view"
    >
      <header className="escalations-view__header">
        <button type="button" className="button button--quiet" onClick={returnToBoard}>
          ← Board <KeyHint chord="Escape" />
        </button>
        <h2 id="escalations-heading" ref={heading} tabIndex={-1} className="escalations-view__title">
          Escalations <span className="escalations-view__count">{rows.length} running</span>
        </h2>
        <EnableNotificationsButton />
      </header>
      {escalator.notice ? (
        <p
          className={`escalations-view__notice escalations-view__notice--${escalator.notice.tone}`}
          role={escalator.notice.tone === 'done' ? 'status' : 'alert'}
        >
          {escalator.notice.text}
        </p>
      ) : null}
      {failure !== null ? (
        <p className="escalations-view__failure">Could not ask the hub who is next: {failure}</p>
      ) : null}
      {rows.length === 0 ? (
        <p className="escalations-view__empty">No escalation is running: nobody is being paged.</p>
      ) : (
        <ul ref={list} className="escalation-list" aria-label="Running escalations">
          {rows.map((row) => (
            <EscalationRow
              key={row.incident.id}
              row={row}
              names={names}
              selected={row.incident.id === selectedId}
              refusal={escalator.refusal}
              pending={escalator.pending.has(row.incident.id)}
              onSelect={setChosenId}
              onOpen={openIncident}
              onEscalate={escalator.escalate}
            />
          ))}
        </ul>
      )}
      <OnCallPanel oncall={answer?.oncall ?? null} names={names} />
    </section>
  );
}
