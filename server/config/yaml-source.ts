import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { ConfigPath } from '../../shared/config/files';
import type { ConfigError } from '../../shared/config/types';

// One YAML file kept with its parse tree, so any value the checks complain about can be traced
// back to the line a person wrote it on.

export interface YamlSource {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** Syntax errors; when there are any, the file is not validated further. */
  readonly syntaxErrors: ReadonlyArray<ConfigError>;
}

export interface Location {
  readonly line: number;
  readonly column: number;
  /** False when the path does not exist and the location is that of its nearest ancestor. */
  readonly exact: boolean;
}

/** Parses a file's text; YAML syntax errors come back as ConfigErrors, never as exceptions. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const syntaxErrors = doc.errors.map((error): ConfigError => {
    const position = error.linePos?.[0];
    return {
      file,
      line: position?.line ?? 1,
      ...(position ? { column: position.col } : {}),
      message: `YAML syntax: ${plainMessage(error.message)}`,
    };
  });
  return { file, doc, lines, syntaxErrors };
}

/** The yaml library appends " at line L, column C:" and a code frame; we print our own position. */
function plainMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

/** Where the value at `path` was written, or its nearest ancestor when it is missing. */
export function locate(source: YamlSource, path: ConfigPath): Location {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const offset = offsetOf(source.doc, path.slice(0, depth));
    if (offset !== null) {
      const { line, col } = source.lines.linePos(offset);
      return { line, column: col, exact: depth === path.length };
    }
  }
  return { line: 1, column: 1, exact: false };
}

function offsetOf(doc: Document.Parsed, path: ConfigPath): number | null {
  if (path.length === 0) return doc.contents?.range[0] ?? null;
  const node: unknown = doc.getIn(path, true);
  if (hasRange(node)) return node.range[0];
  // `key:` with nothing after it has no value node; point at the key instead.
  return keyOffset(doc, path);
}

function keyOffset(doc: Document.Parsed, path: ConfigPath): number | null {
  const parent: unknown = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return null;
  const key = path[path.length - 1];
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair && hasRange(pair.key) ? pair.key.range[0] : null;
}

/** Where the key at the end of `path` was written: for "unknown field", whose value may start lines later. */
export function keyErrorAt(source: YamlSource, path: ConfigPath, message: string): ConfigError {
  const offset = keyOffset(source.doc, path);
  if (offset === null) return errorAt(source, path, message);
  const { line, col } = source.lines.linePos(offset);
  return { file: source.file, line, column: col, message };
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return (
    typeof node === 'object' &&
    node !== null &&
    'range' in node &&
    Array.isArray(node.range) &&
    typeof node.range[0] === 'number'
  );
}

/** The text value at `path`, if it is one: used to name the entry an error belongs to. */
export function scalarAt(source: YamlSource, path: ConfigPath): string | null {
  const value: unknown = source.doc.getIn(path);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** A ConfigError pointing at the value at `path`. */
export function errorAt(source: YamlSource, path: ConfigPath, message: string): ConfigError {
  const { line, column } = locate(source, path);
  return { file: source.file, line, column, message };
}
