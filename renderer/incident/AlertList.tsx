import type { Alert, Incident } from '../../shared/domain';
import { SeverityBadge } from '../board/SeverityBadge';
import { formatClockTime } from '../format';
import { safeHost } from '../text/link-safety';
import { SafeLink } from '../text/SafeLink';
import { Untrusted } from '../text/Untrusted';
import type { SilencesState } from './silences/use-incident-silences';

// Alerts exactly as monitoring sent them. Every string is untrusted and shown as text; links
// are links only when they are http(s) (SafeLink), otherwise their text is shown.

/** Firing alerts first, then the oldest first. */
function alertOrder(a: Alert, b: Alert): number {
  return (a.status === b.status ? 0 : a.status === 'firing' ? -1 : 1) || a.startsAt - b.startsAt;
}

/** The incident's alerts with their labels, annotations and links. */
export function AlertList({
  incident,
  silences,
}: {
  readonly incident: Incident;
  /** Silences in force: an alert one of them covers says so, with when it ends. */
  readonly silences?: SilencesState;
}) {
  const alerts = Object.values(incident.alerts).sort(alertOrder);
  const silencedUntil = new Map<string, number>();
  for (const silence of silences?.status === 'loaded' ? silences.value.silences : []) {
    for (const fingerprint of silence.alerts)
      silencedUntil.set(
        fingerprint,
        Math.max(silencedUntil.get(fingerprint) ?? 0, Date.parse(silence.endsAt)),
      );
  }
  return (
    <section className="panel" aria-labelledby="alerts-heading">
      <h3 id="alerts-heading" className="panel__title">
        Alerts ({alerts.length})
      </h3>
      {alerts.length === 0 ? <p className="panel__empty">No alerts.</p> : null}
      <ul className="alert-list">
        {alerts.map((alert) => (
          <li
            key={alert.fingerprint}
            className="alert-card"
            data-status={alert.status}
            data-silenced={silencedUntil.has(alert.fingerprint) || undefined}
          >
            <div className="alert-card__head">
              <SeverityBadge severity={alert.severity} />
              <Untrusted className="alert-card__title" text={alert.title} />
              <span className="alert-card__status">{alert.status === 'firing' ? 'Firing' : 'Resolved'}</span>
              {silencedUntil.has(alert.fingerprint) ? (
                <span className="alert-card__silenced">
                  Silenced until {formatClockTime(silencedUntil.get(alert.fingerprint) ?? 0)}
                </span>
              ) : null}
            </div>
            <p className="alert-card__meta">
              {alert.service ? (
                <>
                  service <Untrusted text={alert.service} /> ·{' '}
                </>
              ) : null}
              since {formatClockTime(alert.startsAt)}
              {alert.endsAt !== null && alert.status === 'resolved'
                ? ` · ended ${formatClockTime(alert.endsAt)}`
                : ''}
            </p>
            <KeyValues title="Labels" values={alert.labels} />
            <KeyValues title="Annotations" values={alert.annotations} />
            {alert.links.length > 0 ? (
              <ul className="alert-card__links" aria-label="Links">
                {alert.links.map((link, index) => (
                  // Links have no id and never reorder within an alert.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                  <li key={index}>
                    <AlertLinkItem href={link.href} text={link.text} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One link: the sender's label, then the host it really leads to, so "Runbook" pointing at
 * somewhere unexpected reads as such. Anchors are in the tab order; Enter opens them outside.
 */
function AlertLinkItem({ href, text }: { readonly href: string; readonly text: string }) {
  const host = safeHost(href);
  return (
    <SafeLink href={href}>
      <Untrusted text={text || href} />
      {host ? <span className="alert-card__link-host"> — {host}</span> : null}
    </SafeLink>
  );
}

function KeyValues({
  title,
  values,
}: {
  readonly title: string;
  readonly values: Readonly<Record<string, string>>;
}) {
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  return (
    <>
      <p className="key-values__caption">{title}</p>
      <dl className="key-values" aria-label={title}>
        {entries.map(([key, value]) => (
          <div key={key} className="key-values__pair">
            <dt>
              <Untrusted text={key} />
            </dt>
            <dd>
              <Untrusted text={value} />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
