import type { WallBounds, WallConfig } from './wall-config';
import { wallUrl } from './wall-url';

// Saved walls + the monitors attached now → the wall windows to open. Pure, so matching is tested
// in Node with made-up monitor layouts; electron/wall/wall-manager.ts feeds it screen.getAllDisplays().

/** The part of Electron's Display the plan needs. */
export interface DisplayInfo {
  readonly id: number;
  readonly label: string;
  readonly bounds: WallBounds;
}

/**
 * How a saved wall found its monitor, strongest first:
 * - `id`: same display id and same bounds;
 * - `bounds`: same place and size under a new id (ids renumbered after a reboot or re-plug; two
 *   monitors of one model have the same label, so the position is what tells them apart);
 * - `id-moved`: same id, new bounds (resolution or arrangement changed);
 * - `label`: new id and bounds, but exactly one wall and one free monitor have that label.
 */
export type MatchedBy = 'id' | 'bounds' | 'id-moved' | 'label';

export interface PlannedWall {
  /** The wall, its display refreshed to the monitor's current id, label and bounds. */
  readonly wall: WallConfig;
  readonly matchedBy: MatchedBy;
  /** The window covers the whole monitor, full-screen. */
  readonly bounds: WallBounds;
  readonly url: string;
}

export interface WallPlan {
  readonly open: ReadonlyArray<PlannedWall>;
  /** Walls whose monitor is not attached: kept in settings, opened when it comes back. */
  readonly waiting: ReadonlyArray<WallConfig>;
  /** The list to save: every wall in its saved order, matched ones refreshed. */
  readonly walls: ReadonlyArray<WallConfig>;
  /** True when `walls` differs from what was saved (a monitor was found under a new id or size). */
  readonly changed: boolean;
}

const sameBounds = (a: WallBounds, b: WallBounds): boolean =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export function planWalls(saved: ReadonlyArray<WallConfig>, displays: ReadonlyArray<DisplayInfo>): WallPlan {
  const found = new Map<number, { display: DisplayInfo; by: MatchedBy }>();
  const taken = new Set<number>();
  const claim = (index: number, display: DisplayInfo, by: MatchedBy): void => {
    found.set(index, { display, by });
    taken.add(display.id);
  };
  const free = (): DisplayInfo[] => displays.filter((display) => !taken.has(display.id));
  const unmatched = (): number[] => saved.map((_wall, index) => index).filter((index) => !found.has(index));

  for (const index of unmatched()) {
    const wanted = saved[index]?.display;
    const display = free().find((d) => wanted && d.id === wanted.id && sameBounds(d.bounds, wanted.bounds));
    if (display) claim(index, display, 'id');
  }
  // The same id and a label no other monitor has: the very monitor, moved (arranged differently,
  // or a new resolution). Two of one model share a label, and then position decides (below).
  const labelIsUnique = (label: string): boolean =>
    label !== '' && displays.filter((d) => d.label === label).length === 1;
  for (const index of unmatched()) {
    const wanted = saved[index]?.display;
    const display = free().find(
      (d) => wanted && d.id === wanted.id && d.label === wanted.label && labelIsUnique(d.label),
    );
    if (display) claim(index, display, 'id-moved');
  }
  for (const index of unmatched()) {
    const wanted = saved[index]?.display;
    if (!wanted) continue;
    const candidates = free().filter((d) => sameBounds(d.bounds, wanted.bounds));
    const display = candidates.find((d) => d.label === wanted.label) ?? candidates[0];
    if (display) claim(index, display, 'bounds');
  }
  for (const index of unmatched()) {
    const display = free().find((d) => d.id === saved[index]?.display.id);
    if (display) claim(index, display, 'id-moved');
  }
  for (const index of unmatched()) {
    const label = saved[index]?.display.label ?? '';
    if (label === '') continue;
    const walls = unmatched().filter((other) => saved[other]?.display.label === label);
    const candidates = free().filter((d) => d.label === label);
    const display = candidates[0];
    if (walls.length === 1 && candidates.length === 1 && display) claim(index, display, 'label');
  }

  const open: PlannedWall[] = [];
  const waiting: WallConfig[] = [];
  let changed = false;
  const walls = saved.map((wall, index) => {
    const match = found.get(index);
    if (!match) {
      waiting.push(wall);
      return wall;
    }
    const { id, label, bounds } = match.display;
    const refreshed: WallConfig = { ...wall, display: { id, label, bounds: { ...bounds } } };
    if (id !== wall.display.id || label !== wall.display.label || !sameBounds(bounds, wall.display.bounds))
      changed = true;
    open.push({ wall: refreshed, matchedBy: match.by, bounds: { ...bounds }, url: wallUrl(refreshed) });
    return refreshed;
  });
  return { open, waiting, walls, changed };
}
