import { type Change, changeOffset } from '../../shared/changes/change';
import { formatClockTime } from '../format';
import { SafeLink } from '../text/SafeLink';
import { Untrusted } from '../text/Untrusted';

// "What changed just before it broke": deploys, config changes and flags to the incident's services
// and everything they depend on, in the hour before it opened, newest first. Everything in a change
// is the sender's text: shown as text, links only through SafeLink (http(s), nothing else).

export interface ChangesPanelProps {
  readonly openedAt: number;
  readonly changes: ReadonlyArray<Change>;
  readonly status: 'loading' | 'loaded' | 'failed';
}

export function ChangesPanel({ openedAt, changes, status }: ChangesPanelProps) {
  return (
    <section className="panel changes-panel" aria-labelledby="changes-heading" data-testid="changes-panel">
      <h3 id="changes-heading" className="panel__title">
        Changes before ({changes.length})
      </h3>
      {changes.length === 0 ? (
        <p className="panel__empty">
          {status === 'loading'
            ? 'Looking for changes…'
            : status === 'failed'
              ? 'Could not load the changes before it.'
              : 'No deploys, config changes or flags to its services or their dependencies in the hour before it opened.'}
        </p>
      ) : (
        <ul className="changes-panel__list" data-testid="changes-list">
          {changes.map((change) => (
            <ChangeItem key={change.id} change={change} openedAt={openedAt} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One change: "deploy checkout-web v2.3 by ci, 4 min before", then its links. */
export function ChangeItem({ change, openedAt }: { readonly change: Change; readonly openedAt?: number }) {
  return (
    <li className="changes-panel__item" data-change-id={change.id} data-change-service={change.service}>
      <span className={`change-kind change-kind--${change.kind}`}>{change.kind}</span>{' '}
      <Untrusted text={change.service} /> <Untrusted text={change.summary} />
      {change.by ? (
        <>
          {' by '}
          <Untrusted text={change.by} />
        </>
      ) : null}
      <span className="changes-panel__when">
        {openedAt === undefined
          ? ` at ${formatClockTime(change.at)}`
          : `, ${changeOffset(change.at, openedAt)} (${formatClockTime(change.at)})`}
      </span>
      {change.links.length > 0 ? (
        <span className="changes-panel__links">
          {change.links.map((link, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: links have no id and never reorder.
            <SafeLink key={index} href={link.href}>
              <Untrusted text={link.text || link.href} />
            </SafeLink>
          ))}
        </span>
      ) : null}
    </li>
  );
}
