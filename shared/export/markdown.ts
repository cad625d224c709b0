import type { Incident } from '../domain';
import type { HubEvent } from '../events';
import { revealHidden } from '../text/hidden-characters';
import { formatTime } from './time-format';
import { type ExportOptions, timelineReport } from './timeline';

// Markdown for pasting into a post-incident review (GitHub, GitLab, Confluence, Obsidian). Alert
// titles and notes are attacker-controlled text: a note must not become HTML, a link, emphasis or
// an extra table column in the reader's renderer, so every piece of text goes through escapeMarkdown.

// Characters that start Markdown syntax mid-line in CommonMark/GFM: code spans, emphasis,
// strikethrough, link brackets, table cells, heading closers, and backslash itself. Line-start
// syntax (lists, headings, quotes) cannot occur because text is only ever placed after other text.
const MARKDOWN_SYNTAX = /[\\`*_[\]|~#]/g;

/** Text that renders as itself in Markdown: no HTML, links, emphasis or table breaks. */
export function escapeMarkdown(text: string): string {
  return (
    revealHidden(text)
      // Entities, not backslashes, for HTML: every renderer decodes them, not all honour `\<`.
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(MARKDOWN_SYNTAX, (char) => `\\${char}`)
      // GFM turns bare "https://…", "www.…" and "name@host" into links; an escape at the spot
      // each is recognised by keeps it text (in GFM, markdown-it and marked alike).
      .replace(/:\/\//g, '\\://')
      .replace(/(www)\./gi, '$1\\.')
      .replace(/@/g, '\\@')
      // A line break would end the table row or list item; <br> is the one tag GFM tables allow.
      .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>')
      // Other control characters are invisible and can confuse renderers and diff tools.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
  );
}

const cell = (text: string | null): string => (text === null || text === '' ? '—' : escapeMarkdown(text));

/** The incident's summary and timeline as a Markdown document. */
export function timelineMarkdown(
  incident: Incident,
  events: ReadonlyArray<HubEvent>,
  options: ExportOptions,
): string {
  const report = timelineReport(incident, events, options);
  const lines: string[] = [
    `# ${escapeMarkdown(report.summary.id)}: ${escapeMarkdown(report.summary.title)}`,
    '',
    '## Summary',
    '',
  ];
  for (const line of report.summaryLines) lines.push(`- **${line.label}:** ${cell(line.value)}`);
  lines.push(
    '',
    '## Timeline',
    '',
    `Times in ${escapeMarkdown(report.timeZone)}. Exported ${escapeMarkdown(formatTime(options.now, report.timeZone))}.`,
    '',
    '| # | Time | Actor | Event |',
    '| ---: | --- | --- | --- |',
  );
  for (const entry of report.entries) {
    lines.push(`| ${entry.seq} | ${cell(entry.time)} | ${cell(entry.actor)} | ${cell(entry.description)} |`);
  }
  if (report.entries.length === 0) lines.push('| — | — | — | No events recorded |');
  if (report.changes.length > 0) {
    // Links stay escaped text like everything else from outside: a reader copies them, the
    // export never makes a clickable link out of a sender's URL.
    lines.push(
      '',
      '## Changes before',
      '',
      '| Time | Change | Before | Links |',
      '| --- | --- | --- | --- |',
    );
    for (const change of report.changes) {
      const links = change.links.map((link) => (link.text ? `${link.text}: ${link.href}` : link.href));
      lines.push(
        `| ${cell(change.time)} | ${cell(change.description)} | ${cell(change.offset)} | ${cell(links.join(', '))} |`,
      );
    }
  }
  if (report.links.length > 0) {
    // Escaped like all text ("https\://"): a reader copies the URL, no renderer makes it live.
    lines.push('', '## Links', '');
    for (const link of report.links)
      lines.push(
        `- ${escapeMarkdown(link.alert)} — ${escapeMarkdown(link.text)}: ${escapeMarkdown(link.href)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
