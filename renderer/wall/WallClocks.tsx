import { useNow } from '../state/clock-store';
import { localZoneName } from '../time-zone';

// UTC and local time side by side: alerts, runbooks and other teams speak UTC, people in the room
// speak local time, and a wall that shows both ends the "which time is that?" question.

const pad = (value: number): string => String(value).padStart(2, '0');

function utcTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function localTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function WallClocks() {
  const now = useNow();
  const zone = localZoneName(now);
  // A wall whose own zone is UTC would show the same clock twice, and the room would wonder why.
  const local = zone === 'UTC' ? null : zone;
  return (
    <div className="wall-clocks" data-testid="wall-clocks">
      <div className="wall-clocks__clock">
        <span className="wall-clocks__time" data-testid="wall-clock-utc">
          {utcTime(now)}
        </span>
        <span className="wall-clocks__zone">UTC</span>
      </div>
      {local === null ? null : (
        <div className="wall-clocks__clock">
          <span className="wall-clocks__time" data-testid="wall-clock-local">
            {localTime(now)}
          </span>
          <span className="wall-clocks__zone">{local}</span>
        </div>
      )}
    </div>
  );
}
