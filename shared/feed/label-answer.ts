import { type Incident, isOpen } from '../domain';
import type { LabelValues } from './patch';

// What completes `label:` (and `team:`) in the filter bar: the label names, or one label's values,
// seen on the alerts of the open incidents the replica holds. Rows carry no alerts, so the host
// (which holds them) answers when the page asks; the page never walks 10,000 incidents.

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
 * Label text an operator could not see or type: control and format characters (bidi overrides,
 * zero-width spaces), line breaks, and text longer than a question may be. Such a name or value
 * is not offered at all: shown cleaned, it would complete into a filter that matches nothing.
 */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export const showable = (text: string): boolean =>
  text !== '' && text.length <= MAX_LABEL_QUESTION && !UNSHOWABLE.test(text);

/**
 * How many open incidents carry each label name (`label` null) or each value of `label`, lower
 * case (the filter language is), starting with the prefix. An incident counts once per name or
 * value, however many of its alerts carry it. Label names are outside text: compared and counted
 * as strings in a Map, never used as an object's keys.
 */
export function labelCounts(incidents: Iterable<Incident>, question: LabelQuestion): Map<string, number> {
  const label = question.label?.toLowerCase() ?? null;
  const prefix = question.prefix.toLowerCase();
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const incident of incidents) {
    if (!isOpen(incident)) continue;
    seen.clear();
    for (const alert of Object.values(incident.alerts)) {
      for (const [name, value] of Object.entries(alert.labels)) {
        const lowerName = name.toLowerCase();
        const candidate = label === null ? lowerName : lowerName === label ? value.toLowerCase() : null;
        if (candidate?.startsWith(prefix) && showable(candidate)) seen.add(candidate);
      }
    }
    for (const candidate of seen) counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
  }
  return counts;
}

/** The most incidents first, ties by name (code-unit order, the same on every host). */
const mostFirst = ([a, countA]: readonly [string, number], [b, countB]: readonly [string, number]): number =>
  countB - countA || (a < b ? -1 : a > b ? 1 : 0);

/** The answer: the MAX_LABEL_VALUES names or values most incidents carry, the most first (ties by name). */
export function labelAnswer(incidents: Iterable<Incident>, question: LabelQuestion): LabelValues {
  const values = [...labelCounts(incidents, question)]
    .sort(mostFirst)
    .slice(0, MAX_LABEL_VALUES)
    .map(([value]) => value);
  return { label: question.label, prefix: question.prefix, values };
}

/** How many questions' counts are kept at once: names and the few labels being completed. */
const KEPT_QUESTIONS = 8;

/**
 * labelAnswer for a question asked again and again, one key at a time: each label's names or
 * values are counted once, whatever the prefix, and kept in answer order until `clear()` (the
 * replica changed); each prefix typed then filters the kept list instead of walking every
 * incident's alerts again. The answers are labelAnswer's.
 */
export class LabelCounts {
  /** Per label asked about (lower case; null: names), every showable candidate, most first. */
  private readonly ordered = new Map<string | null, ReadonlyArray<string>>();

  constructor(private readonly incidents: () => Iterable<Incident>) {}

  /** The incidents changed: every count kept is stale. */
  clear(): void {
    this.ordered.clear();
  }

  answer(question: LabelQuestion): LabelValues {
    const prefix = question.prefix.toLowerCase();
    const values: string[] = [];
    for (const candidate of this.candidates(question.label?.toLowerCase() ?? null)) {
      if (!candidate.startsWith(prefix)) continue;
      values.push(candidate);
      if (values.length === MAX_LABEL_VALUES) break;
    }
    return { label: question.label, prefix: question.prefix, values };
  }

  private candidates(label: string | null): ReadonlyArray<string> {
    const kept = this.ordered.get(label);
    if (kept) return kept;
    const counted = [...labelCounts(this.incidents(), { label, prefix: '' })]
      .sort(mostFirst)
      .map(([name]) => name);
    // The oldest question goes first: a page completes one label at a time.
    if (this.ordered.size >= KEPT_QUESTIONS) this.ordered.delete(this.ordered.keys().next().value ?? null);
    this.ordered.set(label, counted);
    return counted;
  }
}
