import { safeHref } from './link-safety';

// Plain text (an operator's note, a runbook line) with its http(s) URLs picked out, so the view
// can make those, and only those, into links. Everything else stays text.

export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation after a URL belongs to the sentence: "see https://x/y." links to /y.
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/** Splits text into plain runs and safe http(s) links. */
export function linkify(text: string): ReadonlyArray<TextSegment> {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index;
    const candidate = trimUrl(match[0]);
    const href = safeHref(candidate);
    if (href === null) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** Drops trailing punctuation, keeping a closing parenthesis the URL itself opened (Wikipedia-style). */
function trimUrl(candidate: string): string {
  let url = candidate.replace(TRAILING_PUNCTUATION, '');
  const opened = (url.match(/\(/g) ?? []).length;
  const closed = (url.match(/\)/g) ?? []).length;
  if (opened > closed && candidate.length > url.length && candidate[url.length] === ')') url += ')';
  return url;
}
