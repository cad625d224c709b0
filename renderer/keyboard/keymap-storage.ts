import { z } from 'zod';

// The operator's own keys, kept in localStorage in both hosts: the Electron console has its own
// origin (sitroom://console), so its localStorage is private to it like the browser's. What is
// read back is validated: a hand-edited or older entry must not break the keyboard, so anything
// that does not parse is ignored (with a warning) and the defaults apply.

export const KEYMAP_STORAGE_KEY = 'sitroom.keymap';

/** Keys per command id, for the commands the operator changed; the rest keep their defaults. */
export type KeymapOverrides = Readonly<Record<string, ReadonlyArray<string>>>;

/** One chord or two separated by a single space, as resolveKeyPress reads them. */
const keySchema = z
  .string()
  .max(40)
  .regex(/^\S+( \S+)?$/, 'must be one key, or two separated by a space');

const storedKeymapSchema = z.object({
  version: z.literal(1),
  keys: z.record(z.string().min(1).max(100), z.array(keySchema).max(4)),
});

/** The overrides saved as `text`, or none when there is nothing usable. */
export function parseStoredKeymap(text: string | null): KeymapOverrides {
  if (text === null) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.warn(`[sitroom] ignoring the saved keymap (${KEYMAP_STORAGE_KEY}): not JSON`);
    return {};
  }
  const parsed = storedKeymapSchema.safeParse(json);
  if (!parsed.success) {
    console.warn(
      `[sitroom] ignoring the saved keymap (${KEYMAP_STORAGE_KEY}): ${z.prettifyError(parsed.error)}`,
    );
    return {};
  }
  return parsed.data.keys;
}

export function serializeKeymap(overrides: KeymapOverrides): string {
  return JSON.stringify({ version: 1, keys: overrides });
}

/** localStorage, or undefined where there is none (tests in Node) or touching it throws. */
export function keymapStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function readKeymap(storage: Storage | undefined): KeymapOverrides {
  try {
    return parseStoredKeymap(storage?.getItem(KEYMAP_STORAGE_KEY) ?? null);
  } catch (error) {
    console.warn('[sitroom] could not read the saved keymap', error);
    return {};
  }
}

/** Saves the overrides; none at all removes the entry. False when the storage refused. */
export function writeKeymap(storage: Storage | undefined, overrides: KeymapOverrides): boolean {
  if (!storage) return false;
  try {
    if (Object.keys(overrides).length === 0) storage.removeItem(KEYMAP_STORAGE_KEY);
    else storage.setItem(KEYMAP_STORAGE_KEY, serializeKeymap(overrides));
    return true;
  } catch (error) {
    console.warn('[sitroom] could not save the keymap', error);
    return false;
  }
}
