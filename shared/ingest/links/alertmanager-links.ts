import { ownValue } from '../../dict';
import type { AlertLink } from '../../domain';
import { type LinkCandidate, safeLinks } from './safe-links';

// Alertmanager's links: the rule's expression in Prometheus (generatorURL), the runbook by the
// common convention of a `runbook_url` annotation, any other annotation named `*_url`
// (dashboard_url, logs_url…), and the Alertmanager itself (the body's externalURL).

export interface AlertmanagerLinkSource {
  readonly generatorURL?: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
}

/** dashboard_url, logs-url, Grafana_Logs_URL: an annotation naming a link. */
const URL_ANNOTATION = /^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*[_-]url$/i;

/** An Alertmanager alert's links after the URL policy. */
export function alertmanagerLinks(alert: AlertmanagerLinkSource, externalURL: string): AlertLink[] {
  return safeLinks(alertmanagerLinkCandidates(alert, externalURL));
}

/** Candidates: the rule's graph, the runbook, other *_url annotations by name, the Alertmanager. */
export function alertmanagerLinkCandidates(
  alert: AlertmanagerLinkSource,
  externalURL: string,
  externalLabel = 'Alertmanager',
): LinkCandidate[] {
  const candidates: LinkCandidate[] = [
    { href: alert.generatorURL, text: 'Source' },
    { href: ownValue(alert.annotations, 'runbook_url'), text: 'Runbook' },
  ];
  // One regex made once, and no filtered copy: most alerts carry no *_url annotation at all.
  const others: string[] = [];
  for (const key of Object.keys(alert.annotations))
    if (key !== 'runbook_url' && URL_ANNOTATION.test(key)) others.push(key);
  for (const key of others.sort())
    candidates.push({ href: ownValue(alert.annotations, key), text: annotationLabel(key) });
  if (externalURL !== '') candidates.push({ href: externalURL, text: externalLabel });
  return candidates;
}

/** "dashboard_url" → "Dashboard", "grafana-logs_url" → "Grafana logs". */
function annotationLabel(key: string): string {
  const words = key
    .replace(/[_-]url$/i, '')
    .split(/[_-]/)
    .join(' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
