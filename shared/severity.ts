import { dictOf, ownValue } from './dict';
import { isSeverity, type Severity } from './domain';

// How monitoring's severity words map onto Sitroom's sev1…sev4. Documented in
// docs/configuration.md; an organisation can extend or override it in its config folder.

// Words come from monitoring, so the table has no prototype and is read by own key only: a
// `severity` label of "constructor" or "__proto__" is simply an unknown word.
export type SeverityTable = Readonly<Record<string, Severity>>;

export const DEFAULT_SEVERITY_TABLE: SeverityTable = dictOf({
  // sev1: wake people up
  critical: 'sev1',
  crit: 'sev1',
  page: 'sev1',
  emergency: 'sev1',
  disaster: 'sev1',
  p1: 'sev1',
  sev1: 'sev1',
  // sev2: urgent during the day, paged at night
  error: 'sev2',
  high: 'sev2',
  major: 'sev2',
  p2: 'sev2',
  sev2: 'sev2',
  // sev3: needs attention
  warning: 'sev3',
  warn: 'sev3',
  average: 'sev3',
  minor: 'sev3',
  p3: 'sev3',
  sev3: 'sev3',
  // sev4: for the record
  info: 'sev4',
  informational: 'sev4',
  low: 'sev4',
  none: 'sev4',
  p4: 'sev4',
  p5: 'sev4',
  sev4: 'sev4',
} satisfies Record<string, Severity>);

/** Severity used when an alert names none, or a word the table does not know. */
export const FALLBACK_SEVERITY: Severity = 'sev3';

/** Maps a monitoring severity word (case-insensitive) onto sev1…sev4. */
export function mapSeverity(
  word: string | undefined,
  table: SeverityTable = DEFAULT_SEVERITY_TABLE,
): Severity {
  if (!word) return FALLBACK_SEVERITY;
  const mapped = ownValue(table, word.trim().toLowerCase());
  return isSeverity(mapped) ? mapped : FALLBACK_SEVERITY;
}
