import { z } from 'zod';

// What a wall display is, as saved in settings.json: the monitor it belongs to and what it shows.
// The monitor is remembered by Electron's display id plus its label and bounds as last seen,
// because ids are not stable everywhere (a reboot, a re-plugged cable or a new dock can renumber
// them) and the plan (wall-plan.ts) then finds the monitor again by where it is.

/** The views a wall can show; the renderer reads them from `?view=` and `?rotate=`. */
export const WALL_VIEWS = ['board', 'escalations', 'map', 'statistics'] as const;
export type WallView = (typeof WALL_VIEWS)[number];

/** Seconds per view when rotating; the renderer chooses its own default when unset. */
/** Severities a wall can sound an alarm for (the renderer's `?sound=`). */
export const ALARM_SEVERITIES = ['sev1', 'sev2'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

export const MIN_DWELL_SECONDS = 5;
export const MAX_DWELL_SECONDS = 3600;

const rectangleSchema = z.object({
  x: z.int(),
  y: z.int(),
  width: z.int().positive(),
  height: z.int().positive(),
});
export type WallBounds = z.infer<typeof rectangleSchema>;

const viewSchema = z.enum(WALL_VIEWS);

export const wallConfigSchema = z.object({
  display: z.object({
    id: z.int(),
    label: z.string().max(200),
    bounds: rectangleSchema,
  }),
  view: viewSchema,
  rotate: z
    .array(viewSchema)
    .min(1)
    .max(WALL_VIEWS.length)
    .refine((views) => new Set(views).size === views.length, 'a view is listed twice')
    .optional(),
  dwellSeconds: z.int().min(MIN_DWELL_SECONDS).max(MAX_DWELL_SECONDS).optional(),
  /** Severities whose alarm sounds while unacknowledged (the renderer's `?sound=`); none when absent. */
  sound: z.array(z.enum(ALARM_SEVERITIES)).max(ALARM_SEVERITIES.length).optional(),
});
export type WallConfig = z.infer<typeof wallConfigSchema>;

/** The saved list might be anything (a hand edit, an older or newer version). */
const MAX_WALLS = 32;

/**
 * Reads the saved walls one by one: an entry that does not parse is dropped with a log line and
 * the others still open, so one bad entry never costs the whole list or the start-up. A second
 * wall for a display already listed is dropped too (one wall per monitor).
 */
export function parseSavedWalls(raw: unknown, log: (message: string) => void): WallConfig[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    log('ignoring the saved wall displays: not a list');
    return [];
  }
  const walls: WallConfig[] = [];
  raw.slice(0, MAX_WALLS).forEach((entry: unknown, index) => {
    const parsed = wallConfigSchema.safeParse(entry);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(entry)').join(', ');
      log(`ignoring saved wall display #${index + 1}: invalid ${where}`);
      return;
    }
    if (walls.some((wall) => wall.display.id === parsed.data.display.id)) {
      log(`ignoring saved wall display #${index + 1}: display ${parsed.data.display.id} already has a wall`);
      return;
    }
    walls.push(parsed.data);
  });
  if (raw.length > MAX_WALLS)
    log(`ignoring ${raw.length - MAX_WALLS} saved wall displays beyond ${MAX_WALLS}`);
  return walls;
}
