import { z } from 'zod';
import { hubUrlSchema } from '../hub/hub-url';
import { parseSavedWalls, type WallConfig } from '../wall/wall-config';
import type { KeyValueStore } from './key-value-store';

// The console's own settings file: the hub to use and this console's identity. Read through zod
// like everything else from disk; an invalid value is ignored with a log line, not "fixed" by
// overwriting what the user wrote.

const SETTINGS_KEY = 'settings';
const CLIENT_ID_KEY = 'clientId';
/** Kept apart from 'settings' so that one bad wall entry never invalidates the hub URL. */
const WALLS_KEY = 'walls';

export const settingsSchema = z.object({
  /** The hub to connect to (https, or http on loopback); without one, the embedded hub. */
  hubUrl: hubUrlSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

const clientIdSchema = z.string().min(1).max(100);

/** Reads the settings; anything invalid is reported and treated as unset. */
export function readSettings(store: KeyValueStore, log: (message: string) => void): Settings {
  const raw = store.get(SETTINGS_KEY);
  if (raw === undefined) return {};
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  log(`ignoring invalid settings (${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')})`);
  return {};
}

/** The wall displays to reopen (electron/wall/): each entry checked alone, a bad one dropped. */
export function readWalls(store: KeyValueStore, log: (message: string) => void): WallConfig[] {
  return parseSavedWalls(store.get(WALLS_KEY), log);
}

/** Saves the wall displays (an empty list removes the key). */
export function saveWalls(store: KeyValueStore, walls: ReadonlyArray<WallConfig>): void {
  if (walls.length === 0) store.delete(WALLS_KEY);
  else store.set(WALLS_KEY, walls);
}

/** This console's stable id for the hub (its outbox and the hub's de-duplication use it). */
export function loadClientId(store: KeyValueStore, makeId: () => string): string {
  const existing = clientIdSchema.safeParse(store.get(CLIENT_ID_KEY));
  if (existing.success) return existing.data;
  const created = makeId();
  store.set(CLIENT_ID_KEY, created);
  return created;
}
