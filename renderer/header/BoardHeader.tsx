import { ConnectionIndicator } from './ConnectionIndicator';
import { SeverityCounts } from './SeverityCounts';

/** The strip across the top: what this is, how bad things are, and whether the picture is live. */
export function BoardHeader() {
  return (
    <header className="board-header">
      <h1 className="board-header__name">Sitroom</h1>
      <SeverityCounts />
      <ConnectionIndicator />
    </header>
  );
}
