import { safeHref } from '../text/link-safety';
import { linkify } from '../text/linkify';
import type { Inline } from './markdown-ast';

// Inline Markdown: `code`, **strong**, *emphasis*, [links](https://…), <https://…> and bare
// URLs. Anything it does not recognise, raw HTML included, is text. Links whose target is not
// http(s) are kept as their literal source text, so a reader sees what the runbook says.

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!<>|~]/;
/** Deeper nesting than any real runbook: stops hostile input from recursing without bound. */
const MAX_DEPTH = 6;
/**
 * Longest link text and target looked for. Each "[" scans ahead for its "]": unbounded, a line
 * of 50,000 "[" took eleven seconds to read. CommonMark's own limit on a label is 999.
 */
const MAX_LINK_TEXT = 999;
const MAX_LINK_TARGET = 2048;

/** Parses one block's text into inline nodes. */
export function parseInline(source: string, depth = 0): ReadonlyArray<Inline> {
  const out: Inline[] = [];
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    for (const segment of linkify(text)) {
      out.push(
        segment.kind === 'link'
          ? { kind: 'link', href: segment.href, children: [{ kind: 'text', text: segment.text }] }
          : { kind: 'text', text: segment.text },
      );
    }
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (ch === '\\' && ESCAPABLE.test(next)) {
      text += next;
      i += 2;
      continue;
    }
    const span = depth < MAX_DEPTH ? matchSpan(source, i, depth) : null;
    if (span) {
      if (span.node) {
        flush();
        out.push(span.node);
      } else text += source.slice(i, span.end);
      i = span.end;
      continue;
    }
    text += ch;
    i += 1;
  }
  flush();
  return out;
}

interface Span {
  /** Null: recognised but unsafe, so the source text is kept literally. */
  readonly node: Inline | null;
  readonly end: number;
}

function matchSpan(source: string, i: number, depth: number): Span | null {
  const ch = source[i];
  if (ch === '`') return codeSpan(source, i);
  if (ch === '*' || ch === '_') return emphasis(source, i, depth);
  if (ch === '[') return link(source, i, depth);
  if (ch === '<') return autolink(source, i);
  return null;
}

function codeSpan(source: string, i: number): Span | null {
  let run = 0;
  while (source[i + run] === '`') run += 1;
  const fence = '`'.repeat(run);
  const close = source.indexOf(fence, i + run);
  if (close === -1) return null;
  const inner = source.slice(i + run, close);
  // CommonMark strips one space each side so `` `code` `` can show backticks.
  const text = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner;
  return { node: { kind: 'code', text }, end: close + run };
}

function emphasis(source: string, i: number, depth: number): Span | null {
  const ch = source[i] ?? '';
  // snake_case_words are not emphasis.
  if (ch === '_' && /\w/.test(source[i - 1] ?? '')) return null;
  const delimiter = source[i + 1] === ch ? ch + ch : ch;
  const from = i + delimiter.length;
  if (/\s/.test(source[from] ?? ' ')) return null;
  let close = source.indexOf(delimiter, from);
  while (close !== -1 && !canClose(source, close, delimiter)) close = source.indexOf(delimiter, close + 1);
  if (close <= from) return null;
  const children = parseInline(source.slice(from, close), depth + 1);
  return {
    node: { kind: delimiter.length === 2 ? 'strong' : 'emphasis', children },
    end: close + delimiter.length,
  };
}

/** A closing run: not after a space, not half of a longer run, and for _ not inside a word ("__xss"). */
function canClose(source: string, at: number, delimiter: string): boolean {
  const ch = delimiter[0] ?? '';
  const after = source[at + delimiter.length] ?? '';
  if (/\s/.test(source[at - 1] ?? ' ')) return false;
  if (after === ch) return false;
  return !(ch === '_' && /\w/.test(after));
}

function link(source: string, i: number, depth: number): Span | null {
  const labelEnd = matching(source, i, '[', ']', MAX_LINK_TEXT);
  if (labelEnd === -1 || source[labelEnd + 1] !== '(') return null;
  const targetEnd = matching(source, labelEnd + 1, '(', ')', MAX_LINK_TARGET);
  if (targetEnd === -1) return null;
  // [text](url "title"): the target is the first word, optionally in <…>.
  const target =
    source
      .slice(labelEnd + 2, targetEnd)
      .trim()
      .split(/\s+/)[0] ?? '';
  const href = safeHref(target.replace(/^<(.*)>$/, '$1'));
  const end = targetEnd + 1;
  if (href === null) return { node: null, end };
  return {
    node: { kind: 'link', href, children: parseInline(source.slice(i + 1, labelEnd), depth + 1) },
    end,
  };
}

function autolink(source: string, i: number): Span | null {
  const match = /^<([a-z][a-z0-9+.-]*:[^\s<>]*)>/i.exec(source.slice(i, i + 2048));
  if (!match) return null;
  const href = safeHref(match[1] ?? '');
  return {
    node: href ? { kind: 'link', href, children: [{ kind: 'text', text: match[1] ?? '' }] } : null,
    end: i + match[0].length,
  };
}

/**
 * Index of the bracket closing the one at `open`, skipping escapes and nested pairs; -1 if none
 * within `limit` characters.
 */
function matching(source: string, open: number, left: string, right: string, limit: number): number {
  let depth = 0;
  const end = Math.min(source.length, open + limit + 2);
  for (let j = open; j < end; j++) {
    const ch = source[j];
    if (ch === '\\') j += 1;
    else if (ch === left) depth += 1;
    else if (ch === right) {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  return -1;
}
