import type { RunbookStep } from '../../shared/api';
import type { Incident } from '../../shared/domain';
import type { HubEvent } from '../../shared/events';
import { actorLabel, type DisplayNames, describeEvent } from '../../shared/export/describe-event';
import type { RowLike } from '../../shared/feed/board-row';
import { formatClockTime } from '../format';
import { LinkedText } from '../text/LinkedText';
import { localZoneName } from '../time-zone';
import type { IncidentRecordState } from './use-incident-record';

export interface TimelinePanelProps {
  /** The alerts name what an alert event is about; they arrive with the whole incident. */
  readonly incident: RowLike & { readonly alerts?: Incident['alerts'] };
  readonly record: IncidentRecordState;
  readonly names: DisplayNames;
}

/** Every event on the incident, newest first so live additions appear at the top without scrolling. */
export function TimelinePanel({ incident, record, names }: TimelinePanelProps) {
  const newestFirst = [...record.events].reverse();
  const steps = record.runbook?.steps ?? [];
  return (
    <section className="panel panel--timeline" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading" className="panel__title">
        {/* One zone for every row, named once: a zone on each row would crowd out the sentences. */}
        Timeline <span className="panel__hint">newest first · times in {localZoneName(Date.now())}</span>
      </h3>
      {record.status === 'loading' && record.events.length === 0 ? (
        <p className="panel__empty">Loading the timeline…</p>
      ) : null}
      {record.status === 'failed' ? (
        <p className="panel__error">Could not load the whole timeline: {record.message}</p>
      ) : null}
      <ol className="timeline" aria-label="Timeline" data-testid="timeline">
        {newestFirst.map((event) => (
          <li key={event.seq} className="timeline__entry" data-event-type={event.type} data-seq={event.seq}>
            <time className="timeline__time" dateTime={new Date(event.at).toISOString()}>
              {formatClockTime(event.at)}
            </time>
            <span className="timeline__actor">{actorLabel(event.actor, names)}</span>
            <span className="timeline__text">
              <EventSentence event={event} incident={incident} names={names} steps={steps} />
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The event's sentence; a note's own text keeps its links clickable (http(s) only), and a runbook
 * step reads as the step's text rather than its id.
 */
interface EventSentenceProps {
  readonly event: HubEvent;
  /** The alerts name what an alert event is about; they arrive with the whole incident. */
  readonly incident: RowLike & { readonly alerts?: Incident['alerts'] };
  readonly names: DisplayNames;
  readonly steps: ReadonlyArray<RunbookStep>;
}

function EventSentence({ event, incident, names, steps }: EventSentenceProps) {
  const step =
    event.type === 'runbook_step_completed'
      ? steps.find((candidate) => candidate.id === event.stepId)
      : undefined;
  if (step) return <>Runbook step done: {step.text}</>;
  if (event.type === 'note_added') {
    return (
      <>
        Note: <LinkedText text={event.text} />
      </>
    );
  }
  return <>{describeEvent(event, { names, alerts: incident.alerts ?? {} })}</>;
}
