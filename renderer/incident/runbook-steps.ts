import type { RunbookStep } from '../../shared/api';

// The hub names each checklist step by an id made from its text (shared/config/runbook.ts). The
// view meets the same steps again while rendering the Markdown, and pairs them by text in
// document order, so two steps with the same text ("Page the DBA", twice) map to their own ids.

/** A function that returns, for each checklist item's text in document order, its hub step. */
export function stepMatcher(steps: ReadonlyArray<RunbookStep>): (text: string) => RunbookStep | null {
  const used = new Set<string>();
  return (text) => {
    const wanted = text.trim();
    const step = steps.find((candidate) => !used.has(candidate.id) && candidate.text.trim() === wanted);
    if (!step) return null;
    used.add(step.id);
    return step;
  };
}
