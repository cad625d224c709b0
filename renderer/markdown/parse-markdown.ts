import type { Block, ListItem } from './markdown-ast';
import { parseInline } from './parse-inline';

// Block-level Markdown, line by line: ATX headings, paragraphs, fenced code, bullet and numbered
// lists (nested by indentation, "- [ ] step" tasks), quotes and rules. A pragmatic subset of
// CommonMark, enough for runbooks; whatever it does not know becomes paragraph text.

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}>[ ]?(.*)$/;
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const TASK = /^\[([ xX])\][ \t]+(\S.*)$/;
/**
 * Quotes and lists nested deeper than any real runbook are read as plain text: 100,000 ">" or a
 * list 3,000 levels deep otherwise overflowed the stack, or froze the page for half a minute
 * copying each level's lines into the next.
 */
const MAX_BLOCK_DEPTH = 8;

/** Parses a Markdown document into blocks. */
export function parseMarkdown(markdown: string): ReadonlyArray<Block> {
  return parseBlocks(markdown.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'), 0);
}

function parseBlocks(lines: ReadonlyArray<string>, depth: number): Block[] {
  const nests = depth < MAX_BLOCK_DEPTH;
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const mark = fence[1] ?? '```';
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !closesFence(lines[i] ?? '', mark)) body.push(lines[i++] ?? '');
      i += 1; // the closing fence (or the end of an unterminated block)
      blocks.push({ kind: 'code', language: fence[2] || null, text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1]?.length ?? 1,
        content: parseInline(heading[2] ?? ''),
      });
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i += 1;
      continue;
    }
    if (nests && QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? ''))
        quoted.push(QUOTE.exec(lines[i++] ?? '')?.[1] ?? '');
      blocks.push({ kind: 'quote', blocks: parseBlocks(quoted, depth + 1) });
      continue;
    }
    if (nests && LIST_ITEM.test(line)) {
      const [list, next] = parseList(lines, i, depth);
      blocks.push(list);
      i = next;
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      !isBlank(lines[i] ?? '') &&
      (paragraph.length === 0 || !startsBlock(lines[i] ?? ''))
    )
      paragraph.push((lines[i++] ?? '').trim());
    blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

function parseList(lines: ReadonlyArray<string>, start: number, depth: number): [Block, number] {
  const first = LIST_ITEM.exec(lines[start] ?? '');
  const indent = first?.[1]?.length ?? 0;
  const ordered = /\d/.test(first?.[2] ?? '');
  const items: ListItem[] = [];
  let i = start;
  while (i < lines.length) {
    const item = LIST_ITEM.exec(lines[i] ?? '');
    if (!item || (item[1]?.length ?? 0) !== indent || /\d/.test(item[2] ?? '') !== ordered) break;
    const text = item[3] ?? '';
    const contentIndent =
      text === '' ? indent + (item[2]?.length ?? 1) + 1 : (lines[i]?.length ?? 0) - text.length;
    const body = [text];
    i += 1;
    while (i < lines.length) {
      const line = lines[i] ?? '';
      if (isBlank(line)) {
        // A blank line continues the item only if what follows is indented into it.
        const after = nextNonBlank(lines, i);
        if (after === -1 || indentOf(lines[after] ?? '') < contentIndent) break;
        body.push('');
      } else if (indentOf(line) >= contentIndent) body.push(line.slice(contentIndent));
      else if (!startsBlock(line) && !isBlank(body[body.length - 1] ?? '')) body.push(line.trim());
      else break;
      i += 1;
    }
    items.push(listItem(body, depth + 1));
    // Blank lines between items of the same list do not end it.
    const after = nextNonBlank(lines, i);
    if (after !== -1 && after !== i && LIST_ITEM.exec(lines[after] ?? '')?.[1]?.length === indent) i = after;
  }
  const start0 = ordered ? Number.parseInt(first?.[2] ?? '1', 10) : 1;
  return [{ kind: 'list', ordered, start: Number.isFinite(start0) ? start0 : 1, items }, i];
}

function listItem(body: ReadonlyArray<string>, depth: number): ListItem {
  const task = TASK.exec(body[0] ?? '');
  const blocks = parseBlocks(task ? [task[2] ?? '', ...body.slice(1)] : body, depth);
  const [head, ...rest] = blocks;
  const content = head?.kind === 'paragraph' ? head.content : [];
  return {
    content,
    task: task ? { checked: task[1] !== ' ', text: (task[2] ?? '').trim() } : null,
    children: head?.kind === 'paragraph' ? rest : blocks,
  };
}

function startsBlock(line: string): boolean {
  return (
    FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line)
  );
}

function closesFence(line: string, mark: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(mark) && new RegExp(`^\\${mark[0]}+$`).test(trimmed);
}

const isBlank = (line: string): boolean => line.trim() === '';
const indentOf = (line: string): number => line.length - line.trimStart().length;

function nextNonBlank(lines: ReadonlyArray<string>, from: number): number {
  for (let j = from; j < lines.length; j++) if (!isBlank(lines[j] ?? '')) return j;
  return -1;
}
