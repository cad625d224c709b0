import type { Incident } from '../domain';
import { safeLinks } from '../ingest/links/safe-links';

// The links people clicked during the incident (dashboards, runbooks, the source of each alert),
// for the review. Checked by the URL policy again: alerts recorded before ingest checked their
// links may hold any text. Each format shows them as text, never as live HTML.

export interface ExportedLink {
  /** The alert's title, untrusted text. */
  readonly alert: string;
  readonly text: string;
  readonly href: string;
}

/** Every alert's safe links, oldest alert first, in each alert's own order. */
export function incidentLinks(incident: Incident): ExportedLink[] {
  return Object.values(incident.alerts)
    .sort((a, b) => a.startsAt - b.startsAt || a.fingerprint.localeCompare(b.fingerprint))
    .flatMap((alert) => safeLinks(alert.links).map((link) => ({ alert: alert.title, ...link })));
}
