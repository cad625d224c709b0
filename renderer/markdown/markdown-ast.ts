// The small Markdown subset runbooks use, as values. The parser produces these and the view maps
// them to React elements one to one; there is no HTML anywhere in between, so markup in a
// runbook ("<script>", "<img onerror>") can only ever come out as the text it is.

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: ReadonlyArray<Inline> }
  | { readonly kind: 'emphasis'; readonly children: ReadonlyArray<Inline> }
  /** Only ever an absolute http(s) URL: anything else is left as text by the parser. */
  | { readonly kind: 'link'; readonly href: string; readonly children: ReadonlyArray<Inline> };

/** A "- [ ] step" item: the runbook's checklist. `text` is the step's source text, as the hub reads it. */
export interface TaskMarker {
  readonly checked: boolean;
  readonly text: string;
}

export interface ListItem {
  readonly content: ReadonlyArray<Inline>;
  readonly task: TaskMarker | null;
  /** What follows the item's first paragraph: more paragraphs, nested lists, code. */
  readonly children: ReadonlyArray<Block>;
}

export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly content: ReadonlyArray<Inline> }
  | { readonly kind: 'paragraph'; readonly content: ReadonlyArray<Inline> }
  | { readonly kind: 'code'; readonly language: string | null; readonly text: string }
  | {
      readonly kind: 'list';
      readonly ordered: boolean;
      readonly start: number;
      readonly items: ReadonlyArray<ListItem>;
    }
  | { readonly kind: 'quote'; readonly blocks: ReadonlyArray<Block> }
  | { readonly kind: 'rule' };
