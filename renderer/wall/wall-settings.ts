import type { Severity } from '../../shared/domain';
import { MAX_FILTER_LENGTH } from '../../shared/filter/filter-query';
import { parseFilter } from '../../shared/filter/parse-filter';

// A wall display is configured by its address, so a kiosk browser or an Electron wall window
// needs nothing but a URL: /?wall=1&view=board&rotate=board,escalations&dwell=45&sound=sev1,sev2
// Anything unknown in it is named back on the wall itself, where whoever set it up will look.

export const WALL_VIEWS = ['board', 'escalations', 'map', 'statistics'] as const;
export type WallView = (typeof WALL_VIEWS)[number];

/** Severities that stop the rotation on the board until someone acknowledges. */
export const INTERRUPTING_SEVERITIES: ReadonlyArray<Severity> = ['sev1', 'sev2'];

export const DEFAULT_DWELL_MS = 30_000;
const MIN_DWELL_S = 5;
const MAX_DWELL_S = 3600;

export interface WallSettings {
  /** The views the wall shows in turn; one view means no rotation. */
  readonly views: ReadonlyArray<WallView>;
  /** How long each view stays before the next. */
  readonly dwellMs: number;
  /** Severities that sound an alarm while unacknowledged (flashing needs no opt-in). */
  readonly sound: ReadonlyArray<Severity>;
  /** A fixed zoom for the whole wall; null scales with the window width. */
  readonly scale: number | null;
  /** What in the address was not understood, in words for the person who set the wall up. */
  readonly problems: ReadonlyArray<string>;
}

const isWallView = (value: string): value is WallView =>
  (WALL_VIEWS as ReadonlyArray<string>).includes(value);

/** The wall settings in a page address's query, or null when the page is not a wall. */
export function readWallSettings(search: string): WallSettings | null {
  const params = new URLSearchParams(search);
  const wall = params.get('wall');
  if (wall === null || wall === '0' || wall === 'false') return null;
  const problems: string[] = [];

  const views = viewList(params, problems);
  const dwellMs = dwell(params.get('dwell'), problems);
  const sound = soundSeverities(params.get('sound'), problems);
  const scale = fixedScale(params.get('scale'), problems);
  unreadableFilter(params.get('filter'), problems);
  return { views, dwellMs, sound, scale, problems };
}

/** The board shows a bad `filter` in its bar; a wall has no bar, and would pass for the slice asked for. */
function unreadableFilter(text: string | null, problems: string[]): void {
  if (text === null) return;
  const parsed = parseFilter(text.slice(0, MAX_FILTER_LENGTH));
  if (parsed.ok) return;
  problems.push(
    `filter "${text}" is not understood, so every open incident is shown: at character ${parsed.error.offset + 1}: ${parsed.error.message}`,
  );
}

function viewList(params: URLSearchParams, problems: string[]): ReadonlyArray<WallView> {
  const first = params.get('view');
  const rotate = params.get('rotate');
  const names = [
    ...(first ? [first] : []),
    ...(rotate
      ? rotate
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '')
      : []),
  ];
  const views: WallView[] = [];
  for (const name of names) {
    if (!isWallView(name)) problems.push(`Unknown view "${name}" (use ${WALL_VIEWS.join(', ')}).`);
    else if (!views.includes(name)) views.push(name);
  }
  return views.length > 0 ? views : ['board'];
}

function dwell(text: string | null, problems: string[]): number {
  if (text === null) return DEFAULT_DWELL_MS;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < MIN_DWELL_S || seconds > MAX_DWELL_S) {
    problems.push(`dwell must be seconds between ${MIN_DWELL_S} and ${MAX_DWELL_S}; using 30.`);
    return DEFAULT_DWELL_MS;
  }
  return Math.round(seconds * 1000);
}

function soundSeverities(text: string | null, problems: string[]): ReadonlyArray<Severity> {
  if (text === null || text === '' || text === 'off') return [];
  const severities: Severity[] = [];
  for (const name of text.split(',').map((part) => part.trim().toLowerCase())) {
    if ((INTERRUPTING_SEVERITIES as ReadonlyArray<string>).includes(name)) {
      if (!severities.includes(name as Severity)) severities.push(name as Severity);
    } else {
      problems.push(`sound takes ${INTERRUPTING_SEVERITIES.join(', ')} or off, not "${name}".`);
    }
  }
  return severities;
}

function fixedScale(text: string | null, problems: string[]): number | null {
  if (text === null || text === '' || text === 'auto') return null;
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale < 0.5 || scale > 4) {
    problems.push('scale must be between 0.5 and 4, or auto; scaling with the screen.');
    return null;
  }
  return scale;
}

/** Reference width at which the wall is drawn at 1.25× the laptop console's size. */
const REFERENCE_WIDTH_PX = 1536;

/**
 * How much larger than the laptop console a wall draws: 1.25× at 1920 px wide, 2.5× at 3840,
 * never below 1. Walls are read from metres away, so type grows with the screen, not the pixels.
 */
export function wallScale(settings: Pick<WallSettings, 'scale'>, windowWidth: number): number {
  if (settings.scale !== null) return settings.scale;
  return Math.max(1, Math.round((windowWidth / REFERENCE_WIDTH_PX) * 100) / 100);
}
