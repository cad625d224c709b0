import { SEVERITIES } from '../../shared/domain';
import { SeverityBadge } from '../board/SeverityBadge';
import { useOpenCounts } from '../state/board-hooks';

/** Open incidents per severity; a severity with none is shown dimmed, not hidden, so the layout holds. */
export function SeverityCounts() {
  const counts = useOpenCounts();
  return (
    <ul className="severity-counts" aria-label="Open incidents by severity">
      {SEVERITIES.map((severity) => (
        <li
          key={severity}
          className={
            counts[severity] > 0
              ? 'severity-counts__item'
              : 'severity-counts__item severity-counts__item--none'
          }
          data-testid={`open-count-${severity}`}
        >
          <SeverityBadge severity={severity} />
          <span className="severity-counts__number">{counts[severity]}</span>
        </li>
      ))}
    </ul>
  );
}
