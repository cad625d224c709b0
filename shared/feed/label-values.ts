import { type Incident, isOpen } from '../domain';
import type { LabelValues } from './patch';

// What completes `label:` in the filter bar: the label names, or one label's values, seen on the
// alerts of the open incidents. Rows carry no alerts, so the host (which holds them) answers when
// the page asks; it walks the incidents once per question, not once per keystroke.

/** At most this many names or values are sent: a screenful of completions, whatever the estate. */
export const MAX_LABEL_VALUES = 50;

/** The longest label name or prefix a page may ask about. */
export const MAX_LABEL_QUESTION = 200;

/** What the page asks: names (`label` null) or the values of `label`, starting with `prefix`. */
export interface LabelQuestion {
  readonly label: string | null;
  readonly prefix: string;
}

/** True when two questions ask the same. */
export function sameLabelQuestion(
  a: LabelQuestion | null | undefined,
  b: LabelQuestion | null | undefined,
): boolean {
  if (!a || !b) return !a && !b;
  return a.label === b.label && a.prefix === b.prefix;
}

/**
 * The answer, lower case (the filter language is), sorted, the first MAX_LABEL_VALUES. Label
 * names are outside text: they are compared and collected as strings in a Set, never used as an
 * object's keys.
 */
export function labelValuesOf(incidents: Iterable<Incident>, question: LabelQuestion): LabelValues {
  const label = question.label?.toLowerCase() ?? null;
  const prefix = question.prefix.toLowerCase();
  const found = new Set<string>();
  for (const incident of incidents) {
    if (!isOpen(incident)) continue;
    for (const alert of Object.values(incident.alerts)) {
      for (const [name, value] of Object.entries(alert.labels)) {
        const lowerName = name.toLowerCase();
        const candidate = label === null ? lowerName : lowerName === label ? value.toLowerCase() : null;
        if (candidate !== null && candidate !== '' && candidate.startsWith(prefix)) found.add(candidate);
      }
    }
  }
  const values = [...found].sort().slice(0, MAX_LABEL_VALUES);
  return { label: question.label, prefix: question.prefix, values };
}
