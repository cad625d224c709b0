import { formatDurationBrief } from '../../shared/duration-format';
import { SeverityBadge } from '../board/SeverityBadge';
import { useNow } from '../state/clock-store';
import { Untrusted } from '../text/Untrusted';
import { useWallStore } from './wall-store';

// The interrupt: across the wall, the most urgent incident nobody has acknowledged, until
// somebody does. Its title is alert text, so it is only ever rendered as text.

export function AttentionBanner() {
  const attention = useWallStore((state) => state.attention);
  const alarm = useWallStore((state) => state.alarm);
  const now = useNow();
  const first = attention[0];
  if (!first) return null;
  const more = attention.length - 1;
  return (
    <div
      className={`wall-attention wall-attention--${first.severity}`}
      role="alert"
      data-testid="wall-attention"
    >
      <SeverityBadge severity={first.severity} />
      <span className="wall-attention__id">{first.id}</span>
      <span className="wall-attention__title" title={first.title}>
        <Untrusted text={first.title} />
      </span>
      <span className="wall-attention__waiting">
        unacknowledged {formatDurationBrief(now - first.openedAt)}
      </span>
      {more > 0 ? <span className="wall-attention__more">+{more} more</span> : null}
      {alarm === 'blocked' ? (
        <span className="wall-attention__sound" data-testid="wall-sound-blocked">
          Sound blocked by the browser: press any key to allow it
        </span>
      ) : null}
    </div>
  );
}
