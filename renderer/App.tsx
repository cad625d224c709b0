import { IncidentBoard } from './board/IncidentBoard';
import { useBoardKeys } from './board/use-board-keys';
import { EmptyState } from './empty/EmptyState';
import { Guarded } from './errors/Broken';
import { EscalationsView } from './escalations/EscalationsView';
import { FilterBar } from './filter/FilterBar';
import { BoardHeader } from './header/BoardHeader';
import { IncidentView } from './incident/IncidentView';
import { CheatSheetHost } from './keyboard/CheatSheet';
import { KeymapSettingsHost } from './keyboard/KeymapSettingsHost';
import { PendingKeys } from './keyboard/PendingKeys';
import { useCatalogGraph } from './map/catalog-store';
import { MapView } from './map/MapView';
import { PageAlerts } from './notifications/PageAlerts';
import { OutboxPanel } from './outbox/OutboxPanel';
import { CommandPaletteHost } from './palette/CommandPaletteHost';
import { SignInGate } from './session/SignInDialog';
import { useSessionSync } from './session/use-session-sync';
import { useBoardIsEmpty } from './state/board-hooks';
import { useBoardStore } from './state/board-store';
import { useGoToKeys } from './state/use-go-to-keys';
import {
  returnToBoard,
  useEscalationsOpen,
  useMapOpen,
  useOpenIncidentId,
  useStatisticsOpen,
} from './state/view-store';
import { StatisticsView } from './statistics/StatisticsView';
import { useWallFrame } from './wall/use-wall-frame';
import { WallHeader } from './wall/WallHeader';
import { useIsWall } from './wall/wall-store';

/** The situation-room console. data-ready tells tests (and kiosk health checks) the first board is in. */
export function App() {
  const ready = useBoardStore((state) => state.ready);
  const live = useBoardStore((state) => state.connection.status === 'live');
  const empty = useBoardIsEmpty();
  const openIncidentId = useOpenIncidentId();
  const escalationsOpen = useEscalationsOpen();
  const mapOpen = useMapOpen();
  const statisticsOpen = useStatisticsOpen();
  const isWall = useIsWall();
  const wallFrame = useWallFrame();
  useSessionSync();
  useBoardKeys();
  useGoToKeys();
  // team: filters and the bar's completions need the catalog, on the board and on walls alike.
  useCatalogGraph();
  return (
    <div
      className={`app${wallFrame.className}`}
      style={wallFrame.style}
      data-testid="board-root"
      data-ready={ready ? 'true' : 'false'}
    >
      <Guarded what="The header">{isWall ? <WallHeader /> : <BoardHeader />}</Guarded>
      <OutboxPanel />
      <main className="app__main">
        {/* The board stays mounted under an open incident, so Esc lands on the same row, scrolled
            where it was; inert keeps Tab and screen readers out of it meanwhile. */}
        <div
          className="app__board"
          inert={openIncidentId !== null || escalationsOpen || mapOpen || statisticsOpen}
        >
          {!isWall && !empty ? (
            <Guarded what="The filter bar">
              <FilterBar />
            </Guarded>
          ) : null}
          {!empty ? (
            <Guarded what="The board">
              <IncidentBoard />
            </Guarded>
          ) : null}
          {empty && live ? <EmptyState /> : null}
          {/* Until the hub has answered, "no incidents" would be a guess: say we are waiting. */}
          {empty && !live ? <p className="app__waiting">Waiting for the hub…</p> : null}
        </div>
        {openIncidentId !== null ? (
          <Guarded key={openIncidentId} what={openIncidentId} back={returnToBoard}>
            <IncidentView incidentId={openIncidentId} />
          </Guarded>
        ) : null}
        {escalationsOpen ? (
          <Guarded what="The escalations" back={returnToBoard}>
            <EscalationsView />
          </Guarded>
        ) : null}
        {mapOpen ? (
          <Guarded what="The dependency map" back={returnToBoard}>
            <MapView />
          </Guarded>
        ) : null}
        {statisticsOpen ? (
          <Guarded what="The statistics" back={returnToBoard}>
            <StatisticsView wall={isWall} />
          </Guarded>
        ) : null}
      </main>
      <PageAlerts />
      <SignInGate />
      <CheatSheetHost />
      <CommandPaletteHost />
      <KeymapSettingsHost />
      <PendingKeys />
    </div>
  );
}
