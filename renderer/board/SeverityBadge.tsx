import type { Severity } from '../../shared/domain';

/** Severity as a coloured badge that also says "SEV1": colour is never the only signal. */
export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  return <span className={`severity-badge severity-badge--${severity}`}>{severity.toUpperCase()}</span>;
}
