import { ownValue } from '../dict';
import { INCIDENT_STATUSES, type Severity } from '../domain';
import { DEFAULT_SEVERITY_TABLE, type SeverityTable } from '../severity';
import {
  FILTER_FLAGS,
  FILTER_KEYS,
  type FilterError,
  type FilterFlag,
  type FilterKey,
  type FilterParse,
  type FilterTerm,
  KEY_ALIASES,
  type LabelTest,
  MAX_FILTER_LENGTH,
  type StatusValue,
} from './filter-query';

// Reads the board filter language (docs/filters.md) into a FilterQuery, or says where it went
// wrong: the character offset and a sentence an operator understands. One pass, no backtracking;
// it never throws, whatever is typed (test/unit/shared/filter/*.property.test.ts).
//
//   query  := space* (term (space+ term)*)? space*
//   term   := "-"? (key ":" value ("," value)* | value)
//   value  := '"' (char | '\"' | '\\')* '"' | bare
//   bare   := any run of characters but space, ',' and '"' (':' only in a key)
//   after "label:", a value may also be a bare name "=" then a quoted value: label:zone="eu west 1"

/** Bare words that stand for an `is:` flag, as people type them: `-acked`. */
const BARE_FLAGS: ReadonlyMap<string, FilterFlag> = new Map([
  ['acked', 'acked'],
  ['unacked', 'unacked'],
]);

const STATUS_VALUES: ReadonlyArray<StatusValue> = [...INCIDENT_STATUSES, 'open'];

class FilterSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/** A value as typed: its text (unquoted, unescaped) and where it started. */
interface RawValue {
  readonly text: string;
  readonly start: number;
  readonly quoted: boolean;
}

class Reader {
  at = 0;
  constructor(readonly source: string) {}

  peek(): string | undefined {
    return this.source[this.at];
  }

  get done(): boolean {
    return this.at >= this.source.length;
  }

  skipSpace(): void {
    while (isSpace(this.peek())) this.at += 1;
  }

  /** A quoted value, the reader on its opening quote. */
  quoted(): RawValue {
    const start = this.at;
    this.at += 1;
    let text = '';
    while (!this.done) {
      const char = this.peek() as string;
      if (char === '"') {
        this.at += 1;
        return { text, start, quoted: true };
      }
      if (char === '\\' && (this.source[this.at + 1] === '"' || this.source[this.at + 1] === '\\')) {
        text += this.source[this.at + 1];
        this.at += 2;
      } else {
        text += char;
        this.at += 1;
      }
    }
    throw new FilterSyntaxError(start, 'This quote is never closed: add a closing ".');
  }

  /** A bare run up to a space, a comma, a quote or (when `stopAtColon`) a colon. */
  bare(stopAtColon: boolean): RawValue {
    const start = this.at;
    while (!this.done) {
      const char = this.peek() as string;
      if (isSpace(char) || char === ',' || char === '"' || (stopAtColon && char === ':')) break;
      this.at += 1;
    }
    return { text: this.source.slice(start, this.at), start, quoted: false };
  }

  value(): RawValue {
    return this.peek() === '"' ? this.quoted() : this.bare(false);
  }

  /**
   * A label test: a value, or `name="value with spaces"` as Prometheus writes a matcher. The
   * operator who types it that way means the label's value; without this the quote would end
   * the term, and the space the error asked for would turn the value into free text.
   */
  labelValue(): RawValue {
    const value = this.value();
    if (value.quoted || !value.text.endsWith('=') || this.peek() !== '"') return value;
    return { text: value.text + this.quoted().text, start: value.start, quoted: true };
  }
}

/** Parses a board filter; never throws. */
export function parseFilter(source: string, severities: SeverityTable = DEFAULT_SEVERITY_TABLE): FilterParse {
  if (source.length > MAX_FILTER_LENGTH)
    return fail(MAX_FILTER_LENGTH, `A filter is at most ${MAX_FILTER_LENGTH} characters.`);
  try {
    const reader = new Reader(source);
    const terms: FilterTerm[] = [];
    reader.skipSpace();
    while (!reader.done) {
      terms.push(readTerm(reader, severities));
      if (!reader.done && !isSpace(reader.peek()))
        throw new FilterSyntaxError(
          reader.at,
          `Unexpected ${JSON.stringify(reader.peek())}: put a space before the next term.`,
        );
      reader.skipSpace();
    }
    return { ok: true, query: { terms } };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return fail(error.offset, error.message);
    throw error;
  }
}

function fail(offset: number, message: string): FilterParse {
  const error: FilterError = { offset, message };
  return { ok: false, error };
}

function readTerm(reader: Reader, severities: SeverityTable): FilterTerm {
  const start = reader.at;
  let negated = false;
  if (reader.peek() === '-') {
    negated = true;
    reader.at += 1;
    if (reader.done || isSpace(reader.peek()))
      throw new FilterSyntaxError(start, 'A "-" must be followed by what to leave out, e.g. -is:acked.');
  }
  if (reader.peek() === ',')
    throw new FilterSyntaxError(
      reader.at,
      'A "," only separates values of one key, e.g. sev:critical,major.',
    );
  if (reader.peek() === ':')
    throw new FilterSyntaxError(reader.at, 'A key goes before ":", e.g. team:payments.');
  if (reader.peek() === '"') {
    const value = reader.quoted();
    if (value.text.trim() === '')
      throw new FilterSyntaxError(value.start, 'Empty quotes: type the text to look for.');
    return { key: 'text', values: [value.text.toLowerCase()], start, end: reader.at, negated };
  }
  const word = reader.bare(true);
  if (reader.peek() !== ':') {
    if (reader.peek() === ',')
      throw new FilterSyntaxError(
        reader.at,
        'A "," only separates values of one key, e.g. sev:critical,major.',
      );
    const lower = word.text.toLowerCase();
    const flag = BARE_FLAGS.get(lower);
    if (flag) return { key: 'is', values: [flag], start, end: reader.at, negated };
    return { key: 'text', values: [lower], start, end: reader.at, negated };
  }
  const key = KEY_ALIASES.get(word.text.toLowerCase());
  if (key === undefined)
    throw new FilterSyntaxError(
      word.start,
      `Unknown key "${word.text}": use ${FILTER_KEYS.join(', ')}; quote text that contains ":".`,
    );
  reader.at += 1; // the colon
  const raws: RawValue[] = [];
  for (;;) {
    if (reader.done || isSpace(reader.peek()) || reader.peek() === ',')
      throw new FilterSyntaxError(
        reader.at,
        raws.length === 0 ? `${word.text}: needs a value.` : 'A value must follow ",".',
      );
    const value = key === 'label' ? reader.labelValue() : reader.value();
    if (value.text === '') throw new FilterSyntaxError(value.start, 'Empty quotes: type a value.');
    raws.push(value);
    if (reader.peek() !== ',') break;
    reader.at += 1;
  }
  return termOf(key, raws, { start, end: reader.at, negated }, severities);
}

function termOf(
  key: FilterKey,
  raws: ReadonlyArray<RawValue>,
  span: { readonly start: number; readonly end: number; readonly negated: boolean },
  severities: SeverityTable,
): FilterTerm {
  const lower = raws.map((raw) => ({ ...raw, text: raw.text.toLowerCase() }));
  switch (key) {
    case 'sev':
      return { key, values: unique(lower.map((raw) => severityOf(raw, severities))), ...span };
    case 'status':
      return { key, values: unique(lower.map((raw) => oneOf(raw, STATUS_VALUES, 'status'))), ...span };
    case 'is':
      return { key, values: unique(lower.map((raw) => oneOf(raw, FILTER_FLAGS, 'is'))), ...span };
    case 'team':
    case 'service':
      return { key, values: unique(lower.map((raw) => raw.text)), ...span };
    case 'label':
      return { key, values: lower.map(labelTestOf), ...span };
  }
}

function severityOf(raw: RawValue, table: SeverityTable): Severity {
  const severity = ownValue(table, raw.text);
  if (severity === undefined)
    throw new FilterSyntaxError(
      raw.start,
      `Unknown severity "${raw.text}": use critical, major, minor, info (or sev1…sev4).`,
    );
  return severity;
}

function oneOf<T extends string>(raw: RawValue, allowed: ReadonlyArray<T>, key: string): T {
  const found = allowed.find((value) => value === raw.text);
  if (found === undefined)
    throw new FilterSyntaxError(raw.start, `Unknown ${key} "${raw.text}": use ${allowed.join(', ')}.`);
  return found;
}

/** `name=pattern` or `name` alone (the label is present, whatever its value). */
function labelTestOf(raw: RawValue): LabelTest {
  const equals = raw.text.indexOf('=');
  const name = equals === -1 ? raw.text : raw.text.slice(0, equals);
  if (name === '')
    throw new FilterSyntaxError(raw.start, 'A label test names the label: label:region=eu-west.');
  return { name, pattern: equals === -1 ? null : raw.text.slice(equals + 1) };
}

function unique<T>(values: ReadonlyArray<T>): ReadonlyArray<T> {
  return [...new Set(values)];
}
