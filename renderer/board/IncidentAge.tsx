import { formatDurationBrief } from '../../shared/duration-format';
import { useNow } from '../state/clock-store';

/** How long an incident has been open, ticking with the board's shared one-second clock. */
export function IncidentAge({ openedAt }: { readonly openedAt: number }) {
  const now = useNow();
  return <>{formatDurationBrief(now - openedAt)}</>;
}
