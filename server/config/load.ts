import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSeq } from 'yaml';
import type { z } from 'zod';
import { type AssembleOptions, assembleConfig, configWarnings } from '../../shared/config/assemble';
import {
  CONFIG_FILES,
  type ConfigFileName,
  type ConfigFiles,
  type ConfigProblem,
} from '../../shared/config/files';
import { checkReferences, referenceWarnings } from '../../shared/config/references';
import { parseRunbook } from '../../shared/config/runbook';
import { escalationFileSchema } from '../../shared/config/schemas/escalation';
import { integrationsFileSchema } from '../../shared/config/schemas/integrations';
import { type NotificationsFile, notificationsFileSchema } from '../../shared/config/schemas/notifications';
import { servicesFileSchema } from '../../shared/config/schemas/services';
import { usersFileSchema } from '../../shared/config/schemas/users';
import type { ConfigError, Integration, Runbook, SitroomConfig } from '../../shared/config/types';
import { validateSource } from './schema-errors';
import { errorAt, parseYamlSource, type YamlSource } from './yaml-source';

// Reads the configuration folder: every file is parsed and checked, every mistake collected,
// and only a folder with none at all becomes a SitroomConfig.

export type LoadResult =
  | { readonly ok: true; readonly config: SitroomConfig; readonly warnings: ReadonlyArray<string> }
  | { readonly ok: false; readonly errors: ReadonlyArray<ConfigError> };

interface LoadedFile<T> {
  /** Null when the file has errors; an absent file is parsed as an empty one. */
  readonly data: T | null;
  readonly present: boolean;
  readonly source: YamlSource | null;
  readonly errors: ReadonlyArray<ConfigError>;
}

const KNOWN_FILES: ReadonlyArray<string> = Object.values(CONFIG_FILES);

/**
 * The largest configuration file (YAML or runbook) the hub reads: a few MB is far beyond any
 * hand-kept file, and refusing it early keeps a generated or mistaken file from stalling the
 * hub while it is parsed.
 */
export const MAX_CONFIG_FILE_BYTES = 4 * 1024 * 1024;

/** The most services a catalog may list: 25 times the 2,000 the performance figures measure. */
export const MAX_SERVICES = 50_000;

/**
 * The largest services.yaml: room for MAX_SERVICES services as people write them (block style
 * with a comment, match labels and PagerDuty sources is about 400 bytes a service; this allows
 * 500). Under the 4 MiB of the other files a catalog was refused from about 12,000 such
 * services, far short of the 50,000 it may list, and a hub that loaded it before would not start.
 */
export const MAX_SERVICES_FILE_BYTES = 24 * 1024 * 1024;

/** The byte cap of a file the hub reads (relative to the configuration folder). */
const maxBytesOf = (file: string): number =>
  file === CONFIG_FILES.services ? MAX_SERVICES_FILE_BYTES : MAX_CONFIG_FILE_BYTES;

/** Lists counted before validation, so an oversized one is refused without checking each entry. */
const LIST_LIMITS: ReadonlyMap<
  ConfigFileName,
  ReadonlyArray<{ key: string; max: number; noun: string }>
> = new Map([[CONFIG_FILES.services, [{ key: 'services', max: MAX_SERVICES, noun: 'services' }]]]);

/** Loads and validates the folder; never throws for anything a config author could cause. */
export async function loadConfig(dir: string, options: AssembleOptions = {}): Promise<LoadResult> {
  const folder = await stat(dir).catch(() => null);
  if (!folder?.isDirectory())
    return { ok: false, errors: [{ file: '.', line: 1, message: `${dir} is not a folder` }] };

  const [users, integrations, services, escalation, notifications, runbooks, strays] = await Promise.all([
    loadYaml(dir, CONFIG_FILES.users, usersFileSchema),
    loadYaml(dir, CONFIG_FILES.integrations, integrationsFileSchema),
    loadYaml(dir, CONFIG_FILES.services, servicesFileSchema),
    loadYaml(dir, CONFIG_FILES.escalation, escalationFileSchema),
    loadYaml(dir, CONFIG_FILES.notifications, notificationsFileSchema),
    loadRunbooks(dir),
    strayFiles(dir),
  ]);
  const files: ConfigFiles = {
    users: users.data,
    integrations: integrations.data,
    services: services.data,
    escalation: escalation.data,
    notifications: notifications.data,
    // A runbook refused (unreadable, too large) is still there: its own error says why.
    runbookNames: new Set([...runbooks.runbooks.map((runbook) => runbook.name), ...runbooks.refused]),
  };
  const sources = new Map<ConfigFileName, YamlSource | null>([
    [CONFIG_FILES.users, users.source],
    [CONFIG_FILES.integrations, integrations.source],
    [CONFIG_FILES.services, services.source],
    [CONFIG_FILES.escalation, escalation.source],
    [CONFIG_FILES.notifications, notifications.source],
  ]);
  const atLine = (problem: ConfigProblem): ConfigError => {
    const source = sources.get(problem.file);
    if (!source) return { file: problem.file, line: 1, message: problem.message };
    const first = problem.firstPath ? errorAt(source, problem.firstPath, '').line : null;
    return errorAt(
      source,
      problem.path,
      first === null ? problem.message : `${problem.message} (first on line ${first})`,
    );
  };
  const referenceErrors = checkReferences(files).map(atLine);
  const errors = [
    ...users.errors,
    ...integrations.errors,
    ...missingSecrets(integrations),
    ...services.errors,
    ...escalation.errors,
    ...notifications.errors,
    ...missingSmtpPassword(notifications),
    ...runbooks.errors,
    ...referenceErrors,
  ];
  if (
    errors.length > 0 ||
    !files.integrations ||
    !files.services ||
    !files.escalation ||
    !files.users ||
    !files.notifications
  )
    return { ok: false, errors: sortErrors(errors) };

  const config = assembleConfig(
    {
      users: users.present ? files.users : null,
      integrations: files.integrations,
      services: files.services,
      escalation: files.escalation,
      notifications: files.notifications,
      runbooks: runbooks.runbooks,
    },
    options,
  );
  const lineWarnings = referenceWarnings(files).map((problem) => formatConfigError(atLine(problem)));
  return { ok: true, config, warnings: [...lineWarnings, ...configWarnings(config), ...strays] };
}

/** An hmac_secret_env naming a variable the hub was not given would refuse every delivery. */
function missingSecrets(
  file: LoadedFile<{ integrations: ReadonlyArray<Pick<Integration, 'hmacSecretEnv' | 'api'>> }>,
): ConfigError[] {
  const { data, source } = file;
  if (!data || !source) return [];
  // Each secret the file names, with the field that names it; an unset one refuses the load.
  return data.integrations.flatMap((integration, index) =>
    (
      [
        ['hmac_secret_env', integration.hmacSecretEnv],
        ['api_token_env', integration.api?.tokenEnv ?? null],
        ['api_password_env', integration.api?.passwordEnv ?? null],
      ] as const
    ).flatMap(([field, name]) =>
      name === null || (process.env[name] ?? '') !== ''
        ? []
        : [errorAt(source, ['integrations', index, field], `${name} is not set in the hub's environment`)],
    ),
  );
}

/** An SMTP password_env naming a variable the hub was not given would fail every email. */
function missingSmtpPassword(file: LoadedFile<NotificationsFile>): ConfigError[] {
  const name = file.data?.smtp?.passwordEnv ?? null;
  if (name === null || !file.source || (process.env[name] ?? '') !== '') return [];
  return [errorAt(file.source, ['smtp', 'password_env'], `${name} is not set in the hub's environment`)];
}

/** "services.yaml:14: service "payments-api" depends on …" — the form people grep and click. */
export function formatConfigError(error: ConfigError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}

async function loadYaml<S extends z.ZodType>(
  dir: string,
  file: ConfigFileName,
  schema: S,
): Promise<LoadedFile<z.output<S>>> {
  const text = await readText(join(dir, file), maxBytesOf(file));
  if (text === null) {
    // Absent files are empty files: an empty schema parse yields the defaults (empty lists).
    const empty = schema.safeParse({});
    return { data: empty.success ? empty.data : null, present: false, source: null, errors: [] };
  }
  if (text instanceof Error)
    return { data: null, present: true, source: null, errors: [unreadable(file, text)] };
  const source = parseYamlSource(file, text);
  if (source.syntaxErrors.length > 0)
    return { data: null, present: true, source, errors: source.syntaxErrors };
  const tooLong = overlongLists(source, file);
  if (tooLong.length > 0) return { data: null, present: true, source, errors: tooLong };
  const { data, errors } = validateSource(source, schema);
  return { data, present: true, source, errors };
}

async function loadRunbooks(
  dir: string,
): Promise<{ runbooks: Runbook[]; refused: string[]; errors: ConfigError[] }> {
  const folder = join(dir, 'runbooks');
  const names = await readdir(folder).catch(() => [] as string[]);
  const runbooks: Runbook[] = [];
  const refused: string[] = [];
  const errors: ConfigError[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.md')).sort()) {
    const text = await readText(join(folder, name), MAX_CONFIG_FILE_BYTES);
    if (text instanceof Error) {
      refused.push(name);
      errors.push(unreadable(`runbooks/${name}`, text));
    } else if (text !== null) runbooks.push(parseRunbook(name, text));
  }
  return { runbooks, refused, errors };
}

/** A near-miss such as "service.yaml" would otherwise be silently ignored. */
async function strayFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => /\.ya?ml$/.test(name) && !KNOWN_FILES.includes(name))
    .sort()
    .map((name) => `${name}: not a Sitroom configuration file, ignored (expected ${KNOWN_FILES.join(', ')})`);
}

function overlongLists(source: YamlSource, file: ConfigFileName): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const { key, max, noun } of LIST_LIMITS.get(file) ?? []) {
    const node: unknown = source.doc.get(key, true);
    if (!isSeq(node) || node.items.length <= max) continue;
    const count = node.items.length.toLocaleString('en-US');
    errors.push(
      errorAt(source, [key], `lists ${count} ${noun}; at most ${max.toLocaleString('en-US')} are allowed`),
    );
  }
  return errors;
}

/** The file's text, null when it does not exist, or the reason it could not be read. */
async function readText(path: string, maxBytes: number): Promise<string | null | Error> {
  try {
    // Checked before reading and again after, in case the file grew in between.
    const { size } = await stat(path);
    if (size > maxBytes) return tooLarge(size, maxBytes);
    const text = await readFile(path, 'utf8');
    const bytes = Buffer.byteLength(text, 'utf8');
    return bytes > maxBytes ? tooLarge(bytes, maxBytes) : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return error instanceof Error ? error : new Error(String(error));
  }
}

class TooLarge extends Error {}

function tooLarge(bytes: number, maxBytes: number): TooLarge {
  const mib = maxBytes / (1024 * 1024);
  return new TooLarge(
    `is ${bytes.toLocaleString('en-US')} bytes; ${maxBytes === MAX_CONFIG_FILE_BYTES ? 'a configuration file' : 'this file'} may be at most ${maxBytes.toLocaleString('en-US')} bytes (${mib} MiB)`,
  );
}

function unreadable(file: string, error: Error): ConfigError {
  if (error instanceof TooLarge) return { file, line: 1, message: error.message };
  return { file, line: 1, message: `cannot be read: ${error.message}` };
}

const FILE_ORDER = [...KNOWN_FILES];

function sortErrors(errors: ReadonlyArray<ConfigError>): ConfigError[] {
  const rank = (file: string) => {
    const index = FILE_ORDER.indexOf(file);
    return index === -1 ? FILE_ORDER.length : index;
  };
  return [...errors].sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
