import { dictOf, emptyDict } from './dict';
import { type Alert, assertNever, type Incident, type IncidentMap, worstSeverity } from './domain';
import { foldEscalation } from './escalation/fold-escalation';
import type { HubEvent } from './events';

// Incident state is a fold of the event log. The hub and every replica run this same code, so
// they agree by construction. Each touched incident is copied once per batch and never mutated
// after it is published, so a view can compare incidents by reference. An alert changes the
// incident's counts by itself, never by a walk of all its alerts: an alert joining a group that
// spans a fleet (thousands of alerts) costs what any other alert costs.

type MutableIncident = { -readonly [K in keyof Incident]: Incident[K] } & { alerts: Record<string, Alert> };

/**
 * The copies one caller's folds are writing to, by incident id. Passed to several applyEventsTo
 * calls, an incident is copied on its first touch only, and later calls change that copy in place:
 * for a caller that publishes the copies once it is done with all of them (the hub's batch planner
 * stages each plan's events for the next plan to see), where a copy per call cost O(alerts) per
 * delivery.
 */
export type IncidentDrafts = Map<string, Incident>;

/** Where a fold reads and writes incidents: a plain object for replicas, a Map in the hub. */
export interface IncidentTable {
  get(id: string): Incident | undefined;
  set(id: string, incident: Incident): void;
}

/** Applies events (in seq order) to an incident map and returns the new map; the input is untouched. */
export function applyEvents(incidents: IncidentMap, events: ReadonlyArray<HubEvent>): IncidentMap {
  if (events.length === 0) return incidents;
  const next = dictOf(incidents);
  applyEventsTo(
    {
      get: (id) => next[id],
      set: (id, incident) => {
        next[id] = incident;
      },
    },
    events,
  );
  return next;
}

/**
 * The draft of an incident this call of applyEventsTo changes, made on first touch. A function of
 * its own, not a closure: under tsx each named closure costs a defineProperty, once per delivery.
 */
function draftOf(
  drafts: Map<string, MutableIncident>,
  table: IncidentTable,
  id: string,
): MutableIncident | undefined {
  const existing = drafts.get(id);
  if (existing) return existing;
  const current = table.get(id);
  if (!current) return undefined;
  // Alerts are keyed by fingerprint, which monitoring chooses: a null-prototype table, so a
  // fingerprint of `__proto__` is an entry like any other.
  const draft: MutableIncident = { ...current, alerts: dictOf(current.alerts) };
  drafts.set(id, draft);
  table.set(id, draft);
  return draft;
}

/**
 * Applies events to a table, replacing each touched incident with a new value (the old one is
 * never mutated). Costs O(events), not O(incidents): the hub's path under an alert storm.
 */
export function applyEventsTo(
  table: IncidentTable,
  events: ReadonlyArray<HubEvent>,
  shared?: IncidentDrafts,
): void {
  const drafts = (shared ?? new Map()) as Map<string, MutableIncident>;

  for (const event of events) {
    if (event.type === 'incident_opened') {
      const opened: MutableIncident = {
        id: event.incidentId,
        title: event.title,
        severity: event.severity,
        status: 'investigating',
        source: event.source,
        groupKey: event.groupKey,
        services: [],
        alerts: emptyDict(),
        alertCount: 0,
        firingCount: 0,
        openedAt: event.at,
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
        resolvedBy: null,
        commander: null,
        responders: [],
        runbookStepsDone: [],
        mergedInto: null,
        absorbedGroupKeys: [],
        humanInvolved: false,
        notifiedTeams: [],
        updatedSeq: event.seq,
      };
      drafts.set(event.incidentId, opened);
      table.set(event.incidentId, opened);
      continue;
    }
    // An event for an incident this replica does not hold (e.g. one older than its snapshot) is
    // not an error: it simply has nothing to change here.
    const draft = draftOf(drafts, table, event.incidentId);
    if (!draft) continue;
    applyToIncident(draft, event);
    // Any act of a person on an incident means a person decides when it is over.
    if (event.actor.kind === 'user') draft.humanInvolved = true;
    draft.updatedSeq = event.seq;
  }
}

/** Stores an alert under its fingerprint, keeping the incident's alert and firing counts. */
function putAlert(draft: MutableIncident, alert: Alert): void {
  const before = draft.alerts[alert.fingerprint];
  if (before === undefined) draft.alertCount += 1;
  draft.firingCount += (alert.status === 'firing' ? 1 : 0) - (before?.status === 'firing' ? 1 : 0);
  draft.alerts[alert.fingerprint] = alert;
}

function applyToIncident(
  draft: MutableIncident,
  event: Exclude<HubEvent, { type: 'incident_opened' }>,
): void {
  switch (event.type) {
    case 'alert_fired': {
      putAlert(draft, event.alert);
      draft.severity = worstSeverity(draft.severity, event.alert.severity);
      if (event.alert.service && !draft.services.includes(event.alert.service)) {
        draft.services = [...draft.services, event.alert.service];
      }
      return;
    }
    case 'alert_resolved': {
      const alert = draft.alerts[event.fingerprint];
      if (alert) putAlert(draft, { ...alert, status: 'resolved', endsAt: event.endsAt });
      return;
    }
    case 'incident_acknowledged': {
      if (draft.acknowledgedAt === null) {
        draft.acknowledgedAt = event.at;
        draft.acknowledgedBy = event.actor;
      }
      return;
    }
    case 'incident_resolved': {
      draft.status = 'resolved';
      draft.resolvedAt = event.at;
      draft.resolvedBy = event.actor;
      return;
    }
    case 'commander_assigned':
      draft.commander = event.userId;
      return;
    case 'responder_added':
      if (!draft.responders.includes(event.userId)) draft.responders = [...draft.responders, event.userId];
      return;
    case 'responder_removed':
      draft.responders = draft.responders.filter((userId) => userId !== event.userId);
      return;
    case 'severity_changed':
      draft.severity = event.severity;
      return;
    case 'note_added':
      return;
    case 'status_changed':
      draft.status = event.status;
      return;
    case 'incident_reopened':
      draft.status = 'investigating';
      draft.resolvedAt = null;
      draft.resolvedBy = null;
      draft.mergedInto = null;
      return;
    case 'incident_merged':
      draft.status = 'resolved';
      draft.resolvedAt = event.at;
      draft.resolvedBy = event.actor;
      draft.mergedInto = event.intoIncidentId;
      return;
    case 'incident_absorbed':
      for (const alert of event.alerts) {
        putAlert(draft, alert);
        if (alert.status === 'firing') draft.severity = worstSeverity(draft.severity, alert.severity);
        if (alert.service && !draft.services.includes(alert.service))
          draft.services = [...draft.services, alert.service];
      }
      draft.absorbedGroupKeys = [...draft.absorbedGroupKeys, ...event.groupKeys];
      return;
    case 'runbook_step_completed':
      if (!draft.runbookStepsDone.includes(event.stepId)) {
        draft.runbookStepsDone = [...draft.runbookStepsDone, event.stepId];
      }
      return;
    case 'teams_notified': {
      const told = new Set(event.teams.map((team) => team.teamId));
      // `?? []`: hub snapshots and console caches written before this field existed lack it.
      const others = (draft.notifiedTeams ?? []).filter((notice) => !told.has(notice.teamId));
      draft.notifiedTeams = [
        ...others,
        ...event.teams.map((team) => ({ teamId: team.teamId, at: event.at })),
      ];
      return;
    }
    case 'notification_delivered':
    case 'notification_failed':
    // A change belongs to no incident: the fold never reaches here for one ('' has no draft).
    case 'change_recorded':
    // Silences live in Alertmanager: consoles ask the hub for them (GET …/silences), so the
    // incident's state does not hold a copy that would go stale when one expires by itself.
    case 'silence_requested':
    case 'silence_created':
    case 'silence_expire_requested':
    case 'silence_expired':
    case 'silence_failed':
      return;
    case 'escalation_started':
    case 'escalation_level_paged':
    case 'escalation_stopped':
      draft.escalation = foldEscalation(draft.escalation ?? null, event);
      return;
    default:
      assertNever(event);
  }
}
