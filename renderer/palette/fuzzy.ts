// The palette's fuzzy match: the query's letters must appear in the text in order (a
// subsequence), and among the ways they can line up the best one counts. Letters that start a
// word ("Take Command" for "tc", "INC-4" for "4") and runs of consecutive letters score high;
// every jump costs, and letters skipped between matches and before the first one cost a little
// more each, so "note" is "Add note" before "NOtify The tEam". Scores only order results for one
// query; they mean nothing across queries.

const MATCH = 1;
const WORD_START = 8;
/** On top of WORD_START for the text's very first letter: "ack" is "Acknowledge" first. */
const TEXT_START = 2;
const CONSECUTIVE = 6;
/** For leaving a run of consecutive letters, and then per letter skipped. */
const GAP_OPEN = 3;
const GAP = 0.5;
const LEADING = 0.1;
/** Per letter of the whole text: among equal matches, the shorter text wins. */
const LENGTH = 0.01;
/** Longer texts are cut: an incident title past this is not what anyone types. */
const MAX_TEXT = 200;

const SEPARATORS = new Set([' ', '-', '_', '/', '.', ':', ',', '(', ')', '[', ']', '"', "'", '#', '@']);

function bonusAt(text: string, index: number): number {
  if (index === 0) return WORD_START + TEXT_START;
  const previous = text.charAt(index - 1);
  if (SEPARATORS.has(previous)) return WORD_START;
  const current = text.charAt(index);
  // camelCase and digits after letters start words too: PostgresReplicationLag, disk2.
  const lowerBefore = previous !== previous.toUpperCase();
  if (lowerBefore && current !== current.toLowerCase()) return WORD_START;
  if (/\p{L}/u.test(previous) && /\d/.test(current)) return WORD_START;
  return 0;
}

/**
 * How well `query` matches `text`, higher is better; null when it does not match at all. Case
 * and the spaces in the query are ignored. An empty query matches everything with 0.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const needle = withoutAccents(query.replace(/\s+/g, '').toLowerCase());
  if (needle.length === 0) return 0;
  const cut = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const lower = withoutAccents(cut.toLowerCase());
  if (!isSubsequence(needle, lower)) return null;
  // A few letters change length in lower case (İ); then case cannot tell word starts apart.
  const haystack = lower.length === cut.length ? cut : lower;
  const n = haystack.length;
  const bonuses = new Float64Array(n);
  for (let j = 0; j < n; j++) bonuses[j] = bonusAt(haystack, j);
  // best[j]: the best score with the query so far matched and its last letter at j.
  let best = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let j = 0; j < n; j++) {
    if (lower[j] === needle[0]) best[j] = MATCH + (bonuses[j] ?? 0) - LEADING * j;
  }
  for (let i = 1; i < needle.length; i++) {
    const next = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    // The best previous match before j, counted as if every letter up to j-1 were skipped:
    // max over k of best[k] + GAP * k, so the gap to j is one subtraction.
    let runningBest = Number.NEGATIVE_INFINITY;
    for (let j = i; j < n; j++) {
      const previous = best[j - 1] ?? Number.NEGATIVE_INFINITY;
      runningBest = Math.max(runningBest, previous + GAP * (j - 1));
      if (lower[j] !== needle[i]) continue;
      const afterGap = runningBest - GAP * (j - 1) - GAP_OPEN;
      const consecutive = previous + CONSECUTIVE;
      next[j] = MATCH + (bonuses[j] ?? 0) + Math.max(afterGap, consecutive);
    }
    best = next;
  }
  let score = Number.NEGATIVE_INFINITY;
  for (const value of best) score = Math.max(score, value);
  return score - LENGTH * n;
}

const NOT_ASCII = /\P{ASCII}/u;

/**
 * Each accented letter as its base letter ("région" → "region", "Zürich" → "Zurich"), one
 * character for one so positions stay where they were: a saved filter or a service named in
 * French or German is found by typing it on a US keyboard. Letters with no base (ß, ø) stay.
 */
function withoutAccents(text: string): string {
  if (!NOT_ASCII.test(text)) return text;
  let out = '';
  for (const char of text) {
    const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
    out += base.length === char.length ? base : char;
  }
  return out;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const letter of needle) {
    at = haystack.indexOf(letter, at);
    if (at === -1) return false;
    at += 1;
  }
  return true;
}
