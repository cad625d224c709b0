import { useLayoutEffect, useMemo, useRef } from 'react';
import { hasRole, LOCAL_USER } from '../../shared/roles';
import { commandBinding } from '../keyboard/command-catalog';
import { KeyHint } from '../keyboard/KeyHint';
import { useKeymap } from '../keyboard/use-keymap';
import { useDisplayNames } from '../session/people-store';
import { useRole, useSession, useSilenceRole } from '../session/session-store';
import { useBoardStore } from '../state/board-store';
import { returnToBoard } from '../state/view-store';
import { Untrusted } from '../text/Untrusted';
import { AlertList } from './AlertList';
import { ExportAction } from './actions/ExportAction';
import { IncidentActions } from './actions/IncidentActions';
import { useCommandSender } from './actions/use-command-sender';
import { ChangesPanel } from './ChangesPanel';
import { ImpactPanel } from './ImpactPanel';
import { IncidentOverview } from './IncidentOverview';
import { withInFlight } from './in-flight';
import { RunbookPanel } from './RunbookPanel';
import { SilencesPanel } from './silences/SilencesPanel';
import { useIncidentSilences } from './silences/use-incident-silences';
import { TimelinePanel } from './TimelinePanel';
import { useIncidentRecord } from './use-incident-record';

/**
 * One incident, full screen: what it is, what the room does about it, and what happened. Opening
 * it focuses its heading; live updates re-render it in place and never move focus.
 */
export function IncidentView({ incidentId }: { readonly incidentId: string }) {
  // The incident on screen travels whole (its alerts too) in the feed's focus patch, a moment
  // after it opens; until then its board row shows it, so the keys answer at once.
  const focus = useBoardStore((state) => (state.focus.incidentId === incidentId ? state.focus : null));
  const row = useBoardStore((state) => state.rows.get(incidentId) ?? null);
  const sender = useCommandSender(incidentId);
  const user = useSession()?.user ?? LOCAL_USER;
  const focused = focus?.incident ?? null;
  const whole = useMemo(
    () => (focused === null ? null : withInFlight(focused, sender.inFlight, user)),
    [focused, sender.inFlight, user],
  );
  const incident = whole ?? (focus === null ? row : null);
  const record = useIncidentRecord(incidentId);
  const names = useDisplayNames();
  const role = useRole();
  const silences = useIncidentSilences(incidentId);
  const silenceRole = useSilenceRole();
  const heading = useRef<HTMLHeadingElement>(null);
  useKeymap('incident', [commandBinding('incident.back', returnToBoard)]);
  useLayoutEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section
      className="incident-view"
      aria-labelledby="incident-heading"
      data-testid="incident-view"
      data-incident-id={incidentId}
    >
      <header className="incident-view__header">
        <button type="button" className="button button--quiet incident-view__back" onClick={returnToBoard}>
          ← Board <KeyHint chord="Escape" />
        </button>
        <h2 id="incident-heading" ref={heading} tabIndex={-1} className="incident-view__title">
          <span className="incident-view__id">{incidentId}</span> <Untrusted text={incident?.title ?? ''} />
        </h2>
        <ExportAction incidentId={incidentId} />
      </header>
      {incident ? (
        <>
          <IncidentOverview incident={incident} names={names} />
          <IncidentActions incident={incident} whole={whole} silences={silences} sender={sender} />
          <div className="incident-view__columns">
            <div className="incident-view__column">
              {whole ? <AlertList incident={whole} silences={silences} /> : null}
              <SilencesPanel
                state={silences}
                mayExpire={
                  hasRole(role, silenceRole)
                    ? null
                    : `Expiring a silence needs the ${silenceRole} role; you are signed in as ${role}.`
                }
                onExpire={(silenceId) =>
                  void sender.send('expire_silence', { type: 'expire_silence', silenceId })
                }
              />
              <ChangesPanel openedAt={incident.openedAt} changes={record.changes} status={record.status} />
              <ImpactPanel incident={incident} />
              <RunbookPanel
                incident={incident}
                runbook={record.status === 'loaded' ? record.runbook : undefined}
                failed={record.status === 'failed'}
                role={role}
                sender={sender}
              />
            </div>
            <div className="incident-view__column">
              <TimelinePanel incident={incident} record={record} names={names} />
            </div>
          </div>
        </>
      ) : (
        <p className="incident-view__missing">
          {incidentId} is not on this console's board any more. Press Esc to go back.
        </p>
      )}
    </section>
  );
}
