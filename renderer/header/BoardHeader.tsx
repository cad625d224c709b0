import { EscalationsTab } from '../escalations/EscalationsTab';
import { FilterScope } from '../filter/FilterScope';
import { MapTab } from '../map/MapTab';
import { SessionBadge } from '../session/SessionBadge';
import { ConnectionIndicator } from './ConnectionIndicator';
import { SeverityCounts } from './SeverityCounts';

/** The strip across the top: what this is, how bad things are, whether the picture is live, and who is at the console. */
export function BoardHeader() {
  return (
    <header className="board-header">
      <h1 className="board-header__name">Sitroom</h1>
      <SeverityCounts />
      {/* The filter's "N of M open shown" has a place of its own, there with or without a
          filter: applying or clearing one moves none of the header's other parts. */}
      <div className="board-header__scope">
        <FilterScope />
      </div>
      <EscalationsTab />
      <MapTab />
      <ConnectionIndicator />
      <SessionBadge />
    </header>
  );
}
