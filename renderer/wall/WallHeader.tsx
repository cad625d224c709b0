import { ConnectionIndicator } from '../header/ConnectionIndicator';
import { SeverityCounts } from '../header/SeverityCounts';
import { AttentionBanner } from './AttentionBanner';
import { OldestUnacknowledged } from './OldestUnacknowledged';
import { RotationStatus } from './RotationStatus';
import { WallClocks } from './WallClocks';
import { useWallStore } from './wall-store';

const NO_PROBLEMS: ReadonlyArray<string> = [];
const SCREEN_MAY_SLEEP =
  'This browser did not promise to keep the screen awake: turn off screen sleep on this machine, or use the desktop app.';

/** The wall's header, read from five metres: how bad, how long waiting, is it live, what time. */
export function WallHeader() {
  const problems = useWallStore((state) => state.settings?.problems ?? NO_PROBLEMS);
  const alarm = useWallStore((state) => state.alarm);
  const screenLock = useWallStore((state) => state.screenLock);
  const notes =
    screenLock === 'refused' || screenLock === 'unsupported' ? [...problems, SCREEN_MAY_SLEEP] : problems;
  return (
    <header className="wall-header" data-testid="wall-header" data-alarm={alarm}>
      <div className="wall-header__row">
        <SeverityCounts />
        <OldestUnacknowledged />
        <RotationStatus />
        <ConnectionIndicator />
        <WallClocks />
      </div>
      <AttentionBanner />
      {notes.length > 0 ? (
        <ul className="wall-header__problems" data-testid="wall-problems" aria-label="Wall address problems">
          {notes.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </header>
  );
}
