import type { SitroomApi } from '../../shared/api';
import type { HubClient } from '../../shared/hub-client';
import type { ConsoleSession } from '../auth/console-session';
import type { CommandSender } from '../commands/command-sender';
import type { ExportPipelineDeps } from '../export/export-pipeline';
import { exportTimeline } from '../export/export-pipeline';

/**
 * What main does for the page: SitroomApi without subscribe (the replica feed, which needs the
 * calling page). Each invoke channel maps onto one of these, and because nothing here touches
 * Electron, tests drive the very same object against a real hub.
 */
export type HostApi = Omit<SitroomApi, 'subscribe'>;

export interface HostApiParts {
  /** The hub's REST API, sending the vault's current token. */
  readonly hub: HubClient;
  readonly session: ConsoleSession;
  readonly commands: CommandSender;
  /** Everything the export pipeline needs besides the download, which comes from `hub`. */
  readonly exports: Omit<ExportPipelineDeps, 'download'>;
  /** Shows a desktop notification (Electron's Notification in the app, a stand-in in tests). */
  readonly notify: (title: string, body: string) => void;
}

export function createHostApi(parts: HostApiParts): HostApi {
  const { hub, session, commands } = parts;
  const exportDeps: ExportPipelineDeps = {
    ...parts.exports,
    download: (incidentId, format, timeZone) => hub.downloadTimeline(incidentId, format, timeZone),
  };
  return {
    hubInfo: () => hub.hubInfo(),
    playDemo: () => hub.playDemo(),
    session: () => session.current(),
    signIn: (token) => session.signIn(token),
    signOut: () => session.signOut(),
    people: () => hub.people(),
    incidentRecord: (incidentId) => hub.incidentRecord(incidentId),
    incidentSilences: (incidentId) => hub.incidentSilences(incidentId),
    sendCommand: (command) => commands.send(command),
    dismissRejected: async (commandId) => commands.dismiss(commandId),
    exportTimeline: (incidentId, format, timeZone) =>
      exportTimeline(exportDeps, incidentId, format, timeZone),
    escalations: () => hub.escalations(),
    catalog: () => hub.catalog(),
    serviceChanges: (serviceId) => hub.serviceChanges(serviceId),
    statistics: (query) => hub.statistics(query),
    notify: async (title, body) => parts.notify(title, body),
  };
}
