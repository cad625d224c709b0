import type { Change } from './changes/change';
import type { Command, CommandAnswer } from './commands';
import type { EscalationsResponse } from './escalation/escalations-view';
import type { HubEvent } from './events';
import type { BoardPatch } from './feed/patch';
import type { FeedView } from './feed/projection';
import type { Catalog } from './impact/catalog';
import type { StatisticsQuery, StatisticsReport } from './metrics/report';
import type { HubInfo, Session } from './protocol';
import type { Role } from './roles';
import type { IncidentSilences } from './silences/silence-view';

// The one interface the renderer talks to. In Electron the preload bridge implements it (the
// replica runs in the main process); in a browser a client of the console's worker does (the
// replica runs in a SharedWorker, or a dedicated one). The renderer never knows which.

export type Unsubscribe = () => void;

/** A page's open feed of patches (see SitroomApi.subscribe). */
export interface FeedSubscription {
  /** The page now shows another incident (or none), or another person is signed in. */
  setView(view: FeedView): void;
  /** Closes this feed; the page's other feeds go on. */
  close(): void;
}

/** Someone who can be named as commander or responder. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export interface RunbookStep {
  readonly id: string;
  readonly text: string;
}

/** A runbook from the config folder: Markdown (to be sanitised by the view) and its checklist. */
export interface RunbookView {
  readonly name: string;
  readonly markdown: string;
  readonly steps: ReadonlyArray<RunbookStep>;
}

/**
 * The request header by which a console says it reads "no runbook applies" as 204 (no body).
 * Without it the hub answers 404 as it always did: consoles from before 204 (a tab open across
 * the hub's upgrade, a desktop app not yet updated) parsed a 204's empty body as JSON, failed,
 * and lost the whole timeline of every incident without a runbook.
 */
export const NO_RUNBOOK_HEADER = 'sitroom-no-runbook';

/** What the incident view needs beyond the board: the whole timeline and the runbook. */
export interface IncidentRecord {
  readonly events: ReadonlyArray<HubEvent>;
  readonly runbook: RunbookView | null;
  /** The changes to its services and their dependencies in the hour before it opened, newest first. */
  readonly changes: ReadonlyArray<Change>;
}

export const EXPORT_FORMATS = ['md', 'csv', 'json', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  /** False when the person cancelled the save dialog. */
  readonly saved: boolean;
  /** Where it went (a file path on the desktop, the download name in a browser). */
  readonly location?: string;
}

/**
 * How long a desktop notification's text may be. The OS shows a line or two; main refuses longer
 * arguments, so the renderer clips to these before it asks.
 */
export const DESKTOP_NOTIFICATION_LIMITS = { title: 120, body: 500 } as const;

export interface SitroomApi {
  /**
   * Opens a feed of patches from the console's replica, the same on both hosts: every call opens
   * its own feed, whose first batch is the whole picture (a reset, the outbox, the connection and
   * the incident in `view`); later batches carry only changes. Closing one feed leaves the others
   * (and their pending patches) alone.
   */
  subscribe(listener: (batch: ReadonlyArray<BoardPatch>) => void, view: FeedView): FeedSubscription;
  /** Where the hub is and how monitoring reaches it. */
  hubInfo(): Promise<HubInfo>;
  /** Plays the demo outage scenario into the hub. */
  playDemo(): Promise<void>;
  /** Who this console is signed in as, or null when the hub wants a token it does not have. */
  session(): Promise<Session | null>;
  /** Checks a token with the hub and keeps it; rejects with a message a person understands. */
  signIn(token: string): Promise<Session>;
  signOut(): Promise<void>;
  /** Everyone who can be named as commander or responder. */
  people(): Promise<ReadonlyArray<Person>>;
  /** The incident's whole timeline and runbook. */
  incidentRecord(incidentId: string): Promise<IncidentRecord>;
  /** The silences in force on the incident's alerts, asked of their Alertmanagers by the hub. */
  incidentSilences(incidentId: string): Promise<IncidentSilences>;
  /** Sends an operator action; resolves with the hub's answer (or its refusal). */
  sendCommand(command: Command): Promise<CommandAnswer>;
  /**
   * Forgets a refusal the operator has read, on every page of this console (the outbox is the
   * host's): it is not shown again in another window or tab, nor after a reload.
   */
  dismissRejected(commandId: string): Promise<void>;
  /** Saves the incident's timeline in a format, with times in `timeZone` (IANA, e.g. "UTC"). */
  exportTimeline(incidentId: string, format: ExportFormat, timeZone: string): Promise<ExportResult>;
  /** Running escalations (who is paged, who is next and when) and who is on call per rotation. */
  escalations(): Promise<EscalationsResponse>;
  /** The service catalog: services, owning teams and dependencies (notify URLs reduced to hosts). */
  catalog(): Promise<Catalog>;
  /** A service's changes (deploys, config, flags) of the last day, newest first. */
  serviceChanges(serviceId: string): Promise<ReadonlyArray<Change>>;
  /**
   * Time to acknowledge and to resolve, incidents by severity and service, escalations and alerts
   * per incident, for the incidents opened in [query.from, query.to), by day or ISO week in
   * query.timeZone. Computed by the hub from its event log; rejects with the hub's message for a
   * bad range (e.g. more than 400 periods).
   */
  statistics(query: StatisticsQuery): Promise<StatisticsReport>;
  /**
   * Shows a desktop notification, text only (see DESKTOP_NOTIFICATION_LIMITS); a click brings the
   * console to the front. Does nothing where notifications are not allowed.
   */
  notify(title: string, body: string): Promise<void>;
}
