import { FilterScope } from '../filter/FilterScope';
import { ConnectionIndicator } from '../header/ConnectionIndicator';
import { SeverityCounts } from '../header/SeverityCounts';
import { useSessionStore } from '../session/session-store';
import { AttentionBanner } from './AttentionBanner';
import { OldestUnacknowledged } from './OldestUnacknowledged';
import { RotationStatus } from './RotationStatus';
import { WallClocks } from './WallClocks';
import { wallNotes } from './wall-notes';
import { useWallStore } from './wall-store';

const NO_PROBLEMS: ReadonlyArray<string> = [];

/** The wall's header, read from five metres: how bad, how long waiting, is it live, what time. */
export function WallHeader() {
  const problems = useWallStore((state) => state.settings?.problems ?? NO_PROBLEMS);
  const alarm = useWallStore((state) => state.alarm);
  const screenLock = useWallStore((state) => state.screenLock);
  const session = useSessionStore((state) => (state.state.kind === 'signed-in' ? state.state.session : null));
  // In the desktop app main keeps the displays awake and the wall signs in as the app's user.
  const notes = wallNotes(problems, screenLock, session, window.sitroom !== undefined);
  return (
    <header className="wall-header" data-testid="wall-header" data-alarm={alarm}>
      <div className="wall-header__row">
        <SeverityCounts />
        <FilterScope />
        <OldestUnacknowledged />
        <RotationStatus />
        <ConnectionIndicator wall />
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
