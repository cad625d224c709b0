import type { Runbook, RunbookStep } from './types';

// Runbooks are Markdown files; their task-list items ("- [ ] step") are the checklist the
// incident room ticks off. Step ids are recorded in the event log, so they must survive edits to
// the rest of the file: they come from the step's own text, never from its position.

const STEP = /^\s{0,12}[-*+]\s+\[([ xX])\]\s+(\S.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const MAX_SLUG = 64;

/** Reads the checklist steps out of a runbook's Markdown. */
export function parseRunbook(name: string, markdown: string): Runbook {
  const steps: RunbookStep[] = [];
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  let fence: string | null = null;
  const lines = markdown.split(/\r?\n/);
  lines.forEach((line, index) => {
    // A checklist shown inside a code block is an example, not a step.
    const fenceMark = FENCE.exec(line)?.[1];
    if (fenceMark) {
      if (fence === null) fence = fenceMark;
      else if (fence === fenceMark) fence = null;
      return;
    }
    if (fence !== null) return;
    const match = STEP.exec(line);
    if (!match) return;
    const text = (match[2] ?? '').trim();
    const id = uniqueId(slugify(text), taken, nextSuffix);
    taken.add(id);
    steps.push({ id, text, line: index + 1, checked: match[1] !== ' ' });
  });
  return { name, markdown, steps };
}

/** Lowercase ASCII words joined by "-": "Fail over to DC2 (read-only)" → "fail-over-to-dc2-read-only". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug.length > 0 ? slug : 'step';
}

/**
 * The second "Page the DBA" becomes "page-the-dba-2", the third "-3", skipping ids in use. Each
 * slug's search goes on from where its last one stopped (every id below it is taken, and taken
 * ids stay taken): starting again from 2 made a runbook of 20,000 equal lines take the hub
 * 84 seconds to load, at start and at every reload.
 */
function uniqueId(slug: string, taken: ReadonlySet<string>, nextSuffix: Map<string, number>): string {
  if (!taken.has(slug)) return slug;
  let n = nextSuffix.get(slug) ?? 2;
  while (taken.has(`${slug}-${n}`)) n += 1;
  nextSuffix.set(slug, n + 1);
  return `${slug}-${n}`;
}
