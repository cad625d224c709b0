import type { z } from 'zod';
import type { ConfigPath } from '../../shared/config/files';
import type { ConfigError } from '../../shared/config/types';
import { dictOf, ownValue } from '../../shared/dict';
import { errorAt, keyErrorAt, locate, scalarAt, type YamlSource } from './yaml-source';

// zod reports a path into the parsed data; the YAML tree turns that path into a line. Messages
// name the entry by its id ("service "payments-api"") because that is what a person searches for.

const ENTRY_NOUN: Readonly<Record<string, string>> = dictOf({
  users: 'user',
  integrations: 'integration',
  teams: 'team',
  services: 'service',
  rotations: 'rotation',
  policies: 'policy',
  routes: 'route',
});

/** Validates one parsed file; the data is null when anything in it is wrong. */
export function validateSource<S extends z.ZodType>(
  source: YamlSource,
  schema: S,
): { data: z.output<S> | null; errors: ConfigError[] } {
  let value: unknown;
  try {
    value = source.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Thrown for alias bombs ("billion laughs"): a file that expands without bound.
    return {
      data: null,
      errors: [{ file: source.file, line: 1, message: `YAML: ${(error as Error).message}` }],
    };
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, errors: [] };
  return { data: null, errors: result.error.issues.flatMap((issue) => issueToErrors(source, issue)) };
}

function issueToErrors(source: YamlSource, issue: z.core.$ZodIssue): ConfigError[] {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      keyErrorAt(source, [...path, key], `${entryLabel(source, path)}unknown field "${key}"`),
    );
  }
  const here = locate(source, path);
  const field = path[path.length - 1];
  const missing = !here.exact && issue.code !== 'custom' && typeof field === 'string';
  const empty =
    here.exact && issue.code === 'invalid_type' && issue.input === null && typeof field === 'string';
  const message = missing
    ? `missing field "${field}"`
    : empty
      ? `"${field}" has no value`
      : issueMessage(issue, path, here.exact);
  return [at(source, path, message)];
}

const EXPECTED: Readonly<Record<string, string>> = dictOf({
  object: 'a mapping of keys to values',
  array: 'a list',
  string: 'text',
  number: 'a number',
});

function issueMessage(issue: z.core.$ZodIssue, path: ConfigPath, exact: boolean): string {
  const field = fieldName(path);
  // A rule about a field that is not there ("kind pagerduty needs a routing_key") names it itself.
  const prefix = field && exact ? `${field}: ` : '';
  // zod's own wording ("Invalid input: expected object…") is for programmers; ours is set per field.
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input'))
    return `${prefix}must be ${ownValue(EXPECTED, issue.expected) ?? issue.expected}`;
  const shown =
    issue.code === 'invalid_value' && isShowable(issue.input)
      ? ` (found ${JSON.stringify(issue.input)})`
      : '';
  return `${prefix}${issue.message}${shown}`;
}

/** Only enum values are echoed: a misplaced token pasted into token_sha256 must not reach a log. */
function isShowable(input: unknown): input is string | number {
  return (typeof input === 'string' && input.length <= 40) || typeof input === 'number';
}

/** The field under the entry: "tier", "levels[1].escalate_after_minutes"; top level keeps its key. */
function fieldName(path: ConfigPath): string {
  const inEntry =
    typeof path[0] === 'string' && ENTRY_NOUN[path[0]] !== undefined && typeof path[1] === 'number';
  const rest = inEntry ? path.slice(2) : path;
  return rest.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** An error at `path`, prefixed with the entry it belongs to. */
function at(source: YamlSource, path: ConfigPath, message: string): ConfigError {
  return errorAt(source, path, `${entryLabel(source, path)}${message}`);
}

function entryLabel(source: YamlSource, path: ConfigPath): string {
  const [list, index] = path;
  if (typeof list !== 'string' || typeof index !== 'number') return '';
  const noun = ownValue(ENTRY_NOUN, list);
  if (noun === undefined) return '';
  const id = scalarAt(source, [list, index, 'id']);
  return id !== null ? `${noun} "${id}": ` : `${noun} ${index + 1}: `;
}
