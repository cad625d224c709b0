import type { Person } from '../../../shared/api';
import { INCIDENT_STATUSES, SEVERITIES } from '../../../shared/domain';
import { severityLabel } from '../../../shared/export/describe-event';
import type { BoardRow, RowLike } from '../../../shared/feed/board-row';
import { matcherText, type SilenceMatcher } from '../../../shared/silences/matchers';
import type { IncidentSilence } from '../../../shared/silences/silence-view';
import { ChoiceDialog } from '../../dialog/ChoiceDialog';
import { ConfirmDialog } from '../../dialog/ConfirmDialog';
import { STATUS_TEXT } from '../../format';
import { Untrusted } from '../../text/Untrusted';
import { NoteDialog } from '../dialogs/NoteDialog';
import { SilenceDialog } from '../silences/SilenceDialog';
import type { IncidentActionId } from './action-catalog';
import type { CommandIntent } from './incident-commands';

/** Which dialog the incident view has open. Merging asks twice: which incident, then "sure?". */
export type ActionDialog =
  | {
      readonly kind: Exclude<
        IncidentActionId,
        'acknowledge' | 'take_command' | 'reopen' | 'escalate' | 'notify_impacted'
      >;
    }
  | { readonly kind: 'confirm_merge'; readonly intoIncidentId: string };

export interface ActionDialogsProps {
  readonly dialog: ActionDialog;
  readonly incident: RowLike;
  readonly people: ReadonlyArray<Person>;
  /** Other open incidents, for merging. */
  readonly mergeTargets: ReadonlyArray<BoardRow>;
  /** Matchers derived from the incident's alerts, for the silence dialog to start from. */
  readonly derivedMatchers: ReadonlyArray<SilenceMatcher>;
  /** The silences in force, for expiring one. */
  readonly silences: ReadonlyArray<IncidentSilence>;
  readonly onSend: (action: IncidentActionId, intent: CommandIntent) => void;
  readonly onOpen: (dialog: ActionDialog) => void;
  readonly onClose: () => void;
}

const WORKING_STATUSES = INCIDENT_STATUSES.filter((status) => status !== 'resolved');

/** The dialog an incident action asked for. */
export function ActionDialogs(props: ActionDialogsProps) {
  const { dialog, incident, people, mergeTargets, derivedMatchers, silences, onSend, onOpen, onClose } =
    props;
  switch (dialog.kind) {
    case 'assign_commander':
      return (
        <ChoiceDialog
          title={`Assign commander of ${incident.id}`}
          choices={people.map((person) => ({
            id: person.id,
            label: person.name,
            detail: person.role,
            current: incident.commander === person.id,
          }))}
          onChoose={(userId) => onSend('assign_commander', { type: 'assign_commander', userId })}
          onClose={onClose}
        />
      );
    case 'responders':
      return (
        <ChoiceDialog
          title={`Responders on ${incident.id}`}
          intro="Choose someone to add them, or to remove them if they are already responding."
          choices={people.map((person) => {
            const responding = incident.responders.includes(person.id);
            return {
              id: person.id,
              label: `${responding ? 'Remove' : 'Add'} ${person.name}`,
              detail: person.role,
            };
          })}
          onChoose={(userId) =>
            incident.responders.includes(userId)
              ? onSend('responders', { type: 'remove_responder', userId })
              : onSend('responders', { type: 'add_responder', userId })
          }
          onClose={onClose}
        />
      );
    case 'set_severity':
      return (
        <ChoiceDialog
          title={`Severity of ${incident.id}`}
          choices={SEVERITIES.map((severity) => ({
            id: severity,
            label: severityLabel(severity),
            current: incident.severity === severity,
          }))}
          onChoose={(id) => {
            const severity = SEVERITIES.find((value) => value === id);
            if (severity) onSend('set_severity', { type: 'set_severity', severity });
          }}
          onClose={onClose}
        />
      );
    case 'set_status':
      return (
        <ChoiceDialog
          title={`Status of ${incident.id}`}
          choices={WORKING_STATUSES.map((status) => ({
            id: status,
            label: STATUS_TEXT[status],
            current: incident.status === status,
          }))}
          onChoose={(id) => {
            const status = WORKING_STATUSES.find((value) => value === id);
            if (status) onSend('set_status', { type: 'set_status', status });
          }}
          onClose={onClose}
        />
      );
    case 'add_note':
      return (
        <NoteDialog onAdd={(text) => onSend('add_note', { type: 'add_note', text })} onClose={onClose} />
      );
    case 'resolve':
      return (
        <ConfirmDialog
          title={`Resolve ${incident.id}?`}
          message={
            <>
              <Untrusted text={incident.title} /> will show as resolved on every console. It can be reopened
              later.
            </>
          }
          confirmLabel="Resolve"
          onConfirm={() => onSend('resolve', { type: 'set_status', status: 'resolved' })}
          onClose={onClose}
        />
      );
    case 'merge':
      return (
        <ChoiceDialog
          title={`Merge ${incident.id} into…`}
          empty="There is no other open incident to merge into."
          choices={mergeTargets.map((target) => ({
            id: target.id,
            label: (
              <>
                {target.id} <Untrusted text={target.title} />
              </>
            ),
            detail: severityLabel(target.severity),
          }))}
          onChoose={(intoIncidentId) => onOpen({ kind: 'confirm_merge', intoIncidentId })}
          onClose={onClose}
        />
      );
    case 'silence':
      return (
        <SilenceDialog
          incidentId={incident.id}
          derived={derivedMatchers}
          onSilence={(request) => onSend('silence', { type: 'silence', ...request })}
          onClose={onClose}
        />
      );
    case 'expire_silence':
      return (
        <ChoiceDialog
          title={`Expire a silence on ${incident.id}`}
          empty="None of its alerts is silenced (or Alertmanager has not answered yet)."
          choices={silences.map((silence) => ({
            id: silence.id,
            // Matchers and author come from Alertmanager: outside text, shown as the board shows it.
            label: <Untrusted text={silence.matchers.map(matcherText).join(', ')} />,
            detail: (
              <>
                by <Untrusted text={silence.createdBy} />, until{' '}
                {new Date(silence.endsAt).toLocaleTimeString()}
              </>
            ),
          }))}
          onChoose={(silenceId) => onSend('expire_silence', { type: 'expire_silence', silenceId })}
          onClose={onClose}
        />
      );
    case 'confirm_merge':
      return (
        <ConfirmDialog
          title={`Merge ${incident.id} into ${dialog.intoIncidentId}?`}
          message={`${incident.id} will be resolved into ${dialog.intoIncidentId}, which takes over its alerts.`}
          confirmLabel="Merge"
          onConfirm={() => onSend('merge', { type: 'merge', intoIncidentId: dialog.intoIncidentId })}
          onClose={onClose}
        />
      );
  }
}
