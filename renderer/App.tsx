import { IncidentBoard } from './board/IncidentBoard';
import { useBoardKeyboard } from './board/use-board-keyboard';
import { EmptyState } from './empty/EmptyState';
import { BoardHeader } from './header/BoardHeader';
import { useBoardIsEmpty } from './state/board-hooks';
import { useBoardStore } from './state/board-store';

/** The situation-room board. data-ready tells tests (and kiosk health checks) the first board is in. */
export function App() {
  const ready = useBoardStore((state) => state.ready);
  const live = useBoardStore((state) => state.connection.status === 'live');
  const empty = useBoardIsEmpty();
  useBoardKeyboard();
  return (
    <div className="app" data-testid="board-root" data-ready={ready ? 'true' : 'false'}>
      <BoardHeader />
      <main className="app__main">
        {!empty ? <IncidentBoard /> : null}
        {empty && live ? <EmptyState /> : null}
        {/* Until the hub has answered, "no incidents" would be a guess: say we are waiting. */}
        {empty && !live ? <p className="app__waiting">Waiting for the hub…</p> : null}
      </main>
    </div>
  );
}
