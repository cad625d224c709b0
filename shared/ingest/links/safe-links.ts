import type { AlertLink } from '../../domain';
import { revealHidden } from '../../text/hidden-characters';
import { safeHref } from '../../text/link-safety';

// Every source's links end up here, so one policy decides what reaches an alert: only absolute
// http(s) URLs without credentials (shared/text/link-safety.ts), normalised by the URL parser
// (a bidi override in a path becomes %E2%80%AE, a look-alike host becomes xn--…), each once, a
// bounded number, with a label whose hidden characters are shown. Everything else is dropped:
// an alert is still an alert without its links.

/** A sender can attach thousands; a person clicks the first few. */
export const MAX_LINKS_PER_ALERT = 20;
/** Labels are shown on one line beside the host. */
const MAX_LABEL = 200;

/** A link as a source offers it, before the policy: the URL may be anything, or absent. */
export interface LinkCandidate {
  readonly href: string | null | undefined;
  readonly text: string | null | undefined;
}

/** The candidates that pass the URL policy, first occurrence of each URL kept, labels made visible. */
export function safeLinks(candidates: Iterable<LinkCandidate>): AlertLink[] {
  const links: AlertLink[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (links.length >= MAX_LINKS_PER_ALERT) break;
    if (typeof candidate.href !== 'string') continue;
    const href = judged(candidate.href);
    if (href === null || seen.has(href)) continue;
    seen.add(href);
    links.push({ href, text: label(candidate.text, href) });
  }
  return links;
}

/**
 * URLs already put through the policy, with its answer. Monitoring sends the same few again and
 * again (its own address, each rule's graph), and parsing one as a URL was about 1 % of the
 * hub's work per alert in a storm. The texts are the sender's: only short ones are kept, and the
 * memory starts over when full.
 */
const known = new Map<string, string | null>();
const KNOWN_URLS = 256;
const KNOWN_URL_LENGTH = 2048;

/** safeHref, answered from memory for a URL seen lately. */
function judged(href: string): string | null {
  const remembered = known.get(href);
  if (remembered !== undefined) return remembered;
  const safe = safeHref(href);
  if (href.length <= KNOWN_URL_LENGTH) {
    if (known.size >= KNOWN_URLS) known.clear();
    known.set(href, safe);
  }
  return safe;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The sender's words for the link on one line, hidden characters shown; its host when it gave none. */
function label(text: string | null | undefined, href: string): string {
  // Most labels are a source's own words ("Source", "Runbook", "Alertmanager"): printable ASCII
  // has nothing to reveal and no line breaks, so the two passes over it are skipped.
  const words = text ?? '';
  const oneLine = (
    PRINTABLE_ASCII.test(words) ? words : revealHidden(words.replace(/[\r\n\u2028\u2029\t]+/g, ' '))
  ).trim();
  if (oneLine === '') return new URL(href).host;
  return oneLine.length > MAX_LABEL ? `${oneLine.slice(0, MAX_LABEL - 1)}…` : oneLine;
}
