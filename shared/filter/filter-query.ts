import type { IncidentStatus, Severity } from '../domain';

// The board filter as a value: what `sev:critical,major team:payments -is:acked "disk full"`
// means once parsed. Terms are ANDed; the values of one term are ORed; a term may be negated.
// Everything is lower case: the language is case-insensitive (docs/filters.md).

/** The keys a term may name, with the aliases people type. */
export const FILTER_KEYS = ['sev', 'status', 'team', 'service', 'label', 'is'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Other spellings of a key, as NOC tools write them. */
export const KEY_ALIASES: ReadonlyMap<string, FilterKey> = new Map([
  ['sev', 'sev'],
  ['severity', 'sev'],
  ['status', 'status'],
  ['state', 'status'],
  ['team', 'team'],
  ['owner', 'team'],
  ['service', 'service'],
  ['svc', 'service'],
  ['label', 'label'],
  ['is', 'is'],
]);

/** `status:` also takes `open`: any status but resolved. */
export type StatusValue = IncidentStatus | 'open';

/** What `is:` asks of an incident. */
export const FILTER_FLAGS = ['acked', 'unacked', 'open', 'resolved', 'escalating', 'pending'] as const;
export type FilterFlag = (typeof FILTER_FLAGS)[number];

/** One label test: the label is present, or its value matches `pattern` (a glob). */
export interface LabelTest {
  readonly name: string;
  readonly pattern: string | null;
}

/** Where a term was in the text, for completion and for pointing at it. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly negated: boolean;
}

export type FilterTerm =
  | (Span & { readonly key: 'sev'; readonly values: ReadonlyArray<Severity> })
  | (Span & { readonly key: 'status'; readonly values: ReadonlyArray<StatusValue> })
  /** Glob patterns (`*` matches any run of characters). */
  | (Span & { readonly key: 'team'; readonly values: ReadonlyArray<string> })
  | (Span & { readonly key: 'service'; readonly values: ReadonlyArray<string> })
  | (Span & { readonly key: 'label'; readonly values: ReadonlyArray<LabelTest> })
  | (Span & { readonly key: 'is'; readonly values: ReadonlyArray<FilterFlag> })
  /** Free text: a substring of the id, the title or a service. */
  | (Span & { readonly key: 'text'; readonly values: readonly [string] });

export interface FilterQuery {
  readonly terms: ReadonlyArray<FilterTerm>;
}

/** Why a filter could not be read, and the character (0-based) where it went wrong. */
export interface FilterError {
  readonly offset: number;
  readonly message: string;
}

export type FilterParse =
  | { readonly ok: true; readonly query: FilterQuery }
  | { readonly ok: false; readonly error: FilterError };

/** The filter that keeps everything. */
export const EVERYTHING: FilterQuery = { terms: [] };

/** Longest filter accepted: a filter is typed, not pasted from a log. */
export const MAX_FILTER_LENGTH = 1000;
