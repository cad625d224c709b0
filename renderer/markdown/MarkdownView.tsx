import { type ReactNode, useMemo } from 'react';
import { assertNever } from '../../shared/domain';
import type { Block, Inline, ListItem, TaskMarker } from './markdown-ast';
import { parseMarkdown } from './parse-markdown';

// Markdown → React elements, one element per node and text as text nodes: no HTML string is ever
// built or injected, so nothing in the source can become markup, script or an event handler.

export interface MarkdownViewProps {
  readonly markdown: string;
  /** Heading level of the section the document sits in; its "# Title" renders one below it. */
  readonly sectionLevel: number;
  /** Renders a checklist item's checkbox; without it tasks show read-only boxes. */
  readonly renderTask?: (task: TaskMarker, label: ReactNode) => ReactNode;
}

/** A Markdown document rendered safely as React elements. */
export function MarkdownView({ markdown, sectionLevel, renderTask }: MarkdownViewProps) {
  const blocks = useMemo(() => parseMarkdown(markdown), [markdown]);
  const context: RenderContext = { sectionLevel, renderTask: renderTask ?? readOnlyTask };
  return <div className="markdown">{blocks.map((block, index) => renderBlock(block, index, context))}</div>;
}

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

interface RenderContext {
  readonly sectionLevel: number;
  readonly renderTask: (task: TaskMarker, label: ReactNode) => ReactNode;
}

// Keys are positions: a parsed document never reorders, it is only ever parsed again whole.
function renderBlock(block: Block, key: number, context: RenderContext): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const Tag = HEADING_TAGS[Math.min(5, context.sectionLevel + block.level - 1)] ?? 'h6';
      return <Tag key={key}>{renderInlines(block.content)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{renderInlines(block.content)}</p>;
    case 'code':
      return (
        <pre key={key} className="markdown__code" data-language={block.language ?? undefined}>
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, index) => renderItem(item, index, context));
      return block.ordered ? (
        <ol key={key} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'quote':
      return (
        <blockquote key={key}>
          {block.blocks.map((inner, index) => renderBlock(inner, index, context))}
        </blockquote>
      );
    case 'rule':
      return <hr key={key} />;
    default:
      return assertNever(block);
  }
}

function renderItem(item: ListItem, key: number, context: RenderContext): ReactNode {
  const content = renderInlines(item.content);
  return (
    <li key={key} className={item.task ? 'markdown__task' : undefined}>
      {item.task ? context.renderTask(item.task, content) : content}
      {item.children.map((child, index) => renderBlock(child, index, context))}
    </li>
  );
}

function renderInlines(inlines: ReadonlyArray<Inline>): ReactNode[] {
  return inlines.map((inline, index) => renderInline(inline, index));
}

function renderInline(inline: Inline, key: number): ReactNode {
  switch (inline.kind) {
    case 'text':
      return inline.text;
    case 'code':
      return <code key={key}>{inline.text}</code>;
    case 'strong':
      return <strong key={key}>{renderInlines(inline.children)}</strong>;
    case 'emphasis':
      return <em key={key}>{renderInlines(inline.children)}</em>;
    case 'link':
      // The parser only makes links of absolute http(s) URLs (safeHref).
      return (
        <a key={key} href={inline.href} target="_blank" rel="noopener noreferrer">
          {renderInlines(inline.children)}
        </a>
      );
    default:
      return assertNever(inline);
  }
}

function readOnlyTask(task: TaskMarker, label: ReactNode): ReactNode {
  return (
    <label className="markdown__task-label">
      <input type="checkbox" checked={task.checked} readOnly disabled />
      <span>{label}</span>
    </label>
  );
}
