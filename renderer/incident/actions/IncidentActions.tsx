import { useEffect, useMemo, useRef, useState } from 'react';
import type { Person } from '../../../shared/api';
import type { Incident } from '../../../shared/domain';
import type { RowLike } from '../../../shared/feed/board-row';
import { deriveMatchers } from '../../../shared/silences/matchers';
import { alertIntegrations, alertsFrom } from '../../../shared/silences/silence-targets';
import { escalateCommand } from '../../escalations/escalate-command';
import { commandBinding, incidentActionCommand } from '../../keyboard/command-catalog';
import type { KeyBinding } from '../../keyboard/keymap';
import { commandKeys, useKeymapPrefs } from '../../keyboard/keymap-prefs';
import { useKeymap } from '../../keyboard/use-keymap';
import { useDisplayNames, usePeople } from '../../session/people-store';
import { useRole, useSession, useSilenceApis, useSilenceRole } from '../../session/session-store';
import { useActiveIncidents } from '../../state/board-hooks';
import { useBoardStore } from '../../state/board-store';
import type { SilencesState } from '../silences/use-incident-silences';
import { ActionButton } from './ActionButton';
import { type ActionDialog, ActionDialogs } from './ActionDialogs';
import {
  type ActionAvailability,
  actionAvailability,
  canAct,
  INCIDENT_ACTION_IDS,
  INCIDENT_ACTIONS,
  type IncidentActionId,
} from './action-catalog';
import { takePendingAction } from './pending-action';
import { alertsLoading, NEEDS_ALERTS, whyNoSilence } from './silence-reach';
import { stillPendingText } from './still-pending';
import type { CommandSender } from './use-command-sender';
import { usePersonActions } from './use-person-actions';

/** The incident's action bar, its keys, the dialogs they open and the alert region for refusals. */
export function IncidentActions({
  incident,
  whole,
  silences,
  sender,
}: {
  readonly incident: RowLike;
  /** The incident with its alerts, once the feed has sent it (silence matchers come from them). */
  readonly whole: Incident | null;
  readonly silences: SilencesState;
  readonly sender: CommandSender;
}) {
  const role = useRole();
  const silenceRole = useSilenceRole();
  const silenceApis = useSilenceApis();
  const me = useSession()?.user ?? null;
  const people = useAssignablePeople();
  const open = useActiveIncidents();
  // Offline, actions wait in the outbox and go out when the hub is back.
  const live = useBoardStore((state) => state.connection.status === 'live');
  const [dialog, setDialog] = useState<ActionDialog | null>(null);
  const close = (): void => setDialog(null);
  const keymap = useKeymapPrefs((state) => state.overrides);
  const names = useDisplayNames();
  usePersonActions(incident, role, sender);

  const run = (id: IncidentActionId): void => {
    const inFlight = sender.pending.get(id);
    if (inFlight !== undefined) {
      sender.explain(stillPendingText(inFlight, names, live), 'waiting');
      return;
    }
    if (id === 'acknowledge') void sender.send(id, { type: 'acknowledge' });
    else if (id === 'reopen') void sender.send(id, { type: 'reopen' });
    else if (id === 'escalate') void sender.send(id, escalateCommand(incident.escalation));
    else if (id === 'notify_impacted') void sender.send(id, { type: 'notify_impacted' });
    else if (id === 'take_command') {
      if (me) void sender.send(id, { type: 'assign_commander', userId: me.id });
      else sender.explain('Sign in to take command.');
    } else setDialog({ kind: id });
  };

  const availabilityOf = (id: IncidentActionId): ActionAvailability => {
    const availability = actionAvailability(id, role, incident, silenceRole, me?.id);
    // With its alerts in hand the console knows what the hub would answer a silence of alerts no
    // Alertmanager sent (PagerDuty's, the demo's), or sent by one with no api_url: say it at the
    // press, not after a dialog whose every send is refused. Before they arrive the dialog would
    // have no matchers to offer: say that instead.
    if (NEEDS_ALERTS.has(id) && availability.kind === 'enabled') {
      const reason = whole === null ? alertsLoading(incident.id) : whyNoSilence(whole, silenceApis);
      if (reason !== null) return { kind: 'disabled', reason };
    }
    return availability;
  };
  const actions = INCIDENT_ACTION_IDS.map((id) => ({
    spec: INCIDENT_ACTIONS[id],
    availability: availabilityOf(id),
  }));
  const keys: KeyBinding[] = actions.flatMap(({ spec, availability }): KeyBinding[] => {
    if (availability.kind === 'hidden') return [];
    if (availability.kind === 'enabled')
      return [commandBinding(incidentActionCommand(spec.id), () => run(spec.id))];
    return [
      commandBinding(incidentActionCommand(spec.id), () => sender.explain(availability.reason), {
        // The cheat sheet names the role it takes; a state reason (already acknowledged) is
        // given by the key itself and in the palette.
        description: availability.needs ? `${spec.label} (needs ${availability.needs})` : spec.label,
        disabledReason: availability.reason,
      }),
    ];
  });
  useKeymap('incident', keys);
  // Chosen in the palette on the board ("ack" with this row selected): run it now it is open, or,
  // for one that goes by the alerts, once they are here. Chosen, it is meant: the operator is not
  // told "still loading" and left to choose it again.
  const runRef = useRef(run);
  runRef.current = run;
  const availabilityRef = useRef(availabilityOf);
  availabilityRef.current = availabilityOf;
  const chosen = useRef<{ readonly incidentId: string; readonly action: IncidentActionId } | null>(null);
  useEffect(() => {
    const taken = takePendingAction(incident.id);
    if (taken !== null) chosen.current = { incidentId: incident.id, action: taken };
    const waiting = chosen.current;
    if (waiting === null) return;
    if (waiting.incidentId === incident.id && whole === null && NEEDS_ALERTS.has(waiting.action)) return;
    chosen.current = null;
    // Another incident opened in this view meanwhile: the choice was for the one left.
    if (waiting.incidentId !== incident.id) return;
    const availability = availabilityRef.current(waiting.action);
    if (availability.kind === 'enabled') runRef.current(waiting.action);
    else if (availability.kind === 'disabled') sender.explain(availability.reason);
  }, [incident, whole, sender]);

  return (
    <div className="incident-actions">
      {canAct(role) ? (
        <fieldset className="action-bar" data-testid="incident-actions">
          <legend className="visually-hidden">Incident actions</legend>
          {actions.map(({ spec, availability }) => (
            <ActionButton
              key={spec.id}
              label={spec.label}
              keyName={commandKeys(incidentActionCommand(spec.id), keymap)[0]}
              asks={spec.asks}
              availability={availability}
              pending={sender.pending.has(spec.id)}
              pendingLabel={live ? 'sending' : 'queued'}
              onRun={() => run(spec.id)}
              onPending={() => run(spec.id)}
              onRefuse={sender.explain}
            />
          ))}
        </fieldset>
      ) : (
        <p className="incident-actions__watch-only">
          Signed in as {role}: you can watch and export. Acting on incidents needs the operator role.
        </p>
      )}
      <div role="alert" className="incident-actions__alert" data-tone={sender.notice?.tone}>
        {sender.notice?.text}
      </div>
      {dialog ? (
        <ActionDialogs
          dialog={dialog}
          incident={incident}
          people={people}
          mergeTargets={open.filter((other) => other.id !== incident.id)}
          derivedMatchers={whole ? deriveMatchers(alertsFrom(whole, alertIntegrations(whole))) : []}
          silences={silences.status === 'loaded' ? silences.value.silences : []}
          onSend={(action, intent) => {
            close();
            void sender.send(action, intent);
          }}
          onOpen={setDialog}
          onClose={close}
        />
      ) : null}
    </div>
  );
}

/**
 * Who can be made commander or responder: people who may act (a wall display's viewer account
 * cannot lead an incident), with the signed-in user added if the list left them out.
 */
function useAssignablePeople(): ReadonlyArray<Person> {
  const people = usePeople();
  const me = useSession()?.user ?? null;
  return useMemo(() => {
    const everyone = me && !people.some((person) => person.id === me.id) ? [me, ...people] : people;
    return everyone.filter((person) => canAct(person.role));
  }, [people, me]);
}
