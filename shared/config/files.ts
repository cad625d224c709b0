import type { EscalationFile } from './schemas/escalation';
import type { IntegrationsFile } from './schemas/integrations';
import type { NotificationsFile } from './schemas/notifications';
import type { ServicesFile } from './schemas/services';
import type { UsersFile } from './schemas/users';

// The folder's files as the cross-reference checks see them, and the problems they report. A
// problem names a path inside a file's YAML rather than a line, so these checks stay pure; the
// loader, which holds the parsed documents, turns paths into lines.

export const CONFIG_FILES = {
  users: 'users.yaml',
  integrations: 'integrations.yaml',
  services: 'services.yaml',
  escalation: 'escalation.yaml',
  notifications: 'notifications.yaml',
} as const;

export type ConfigFileName = (typeof CONFIG_FILES)[keyof typeof CONFIG_FILES];

/** Keys and list indexes from the top of a YAML document down to one value. */
export type ConfigPath = ReadonlyArray<string | number>;

export interface ConfigProblem {
  readonly file: ConfigFileName;
  readonly path: ConfigPath;
  readonly message: string;
  /** Where the thing this one clashes with was first defined, for "first on line N". */
  readonly firstPath?: ConfigPath;
}

/**
 * Each file after its schema: an absent file is an empty one; null means the file had errors of
 * its own, so checks that need it are skipped rather than reporting every reference as unknown.
 */
export interface ConfigFiles {
  readonly users: UsersFile | null;
  readonly integrations: IntegrationsFile | null;
  readonly services: ServicesFile | null;
  readonly escalation: EscalationFile | null;
  readonly notifications: NotificationsFile | null;
  /** File names found in runbooks/, e.g. "payments-db.md". */
  readonly runbookNames: ReadonlySet<string>;
}

/** Reports every entry whose key repeats an earlier entry's, with the index of the first. */
export function forEachDuplicate<T>(
  items: ReadonlyArray<T>,
  key: (item: T) => string | null,
  report: (item: T, index: number, firstIndex: number) => void,
): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const value = key(item);
    if (value === null) return;
    const seen = first.get(value);
    if (seen === undefined) first.set(value, index);
    else report(item, index, seen);
  });
}
