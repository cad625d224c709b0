import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../renderer/markdown/parse-markdown';

const text = (value: string) => [{ kind: 'text', text: value }];

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, code blocks and rules', () => {
    const blocks = parseMarkdown(
      '# Payments DB\n\nUse this when\npg-pay-01 stops.\n\n```sh\n- [ ] not a step\n```\n\n---',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, content: text('Payments DB') },
      { kind: 'paragraph', content: text('Use this when pg-pay-01 stops.') },
      { kind: 'code', language: 'sh', text: '- [ ] not a step' },
      { kind: 'rule' },
    ]);
  });

  it('reads checklist items with their source text, nested lists and numbered lists', () => {
    const blocks = parseMarkdown(
      '- [ ] Page the DBA\n  - call twice\n- [x] Announce\n\n3. Promote pg-pay-02\n4. Check lag',
    );
    expect(blocks).toEqual([
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [
          {
            content: text('Page the DBA'),
            task: { checked: false, text: 'Page the DBA' },
            children: [
              {
                kind: 'list',
                ordered: false,
                start: 1,
                items: [{ content: text('call twice'), task: null, children: [] }],
              },
            ],
          },
          { content: text('Announce'), task: { checked: true, text: 'Announce' }, children: [] },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        start: 3,
        items: [
          { content: text('Promote pg-pay-02'), task: null, children: [] },
          { content: text('Check lag'), task: null, children: [] },
        ],
      },
    ]);
  });

  it('keeps one list across blank lines between its items', () => {
    const [list] = parseMarkdown('- one\n\n- two');
    expect(list).toMatchObject({ kind: 'list', items: [{ content: text('one') }, { content: text('two') }] });
  });

  it('reads quotes as nested blocks', () => {
    expect(parseMarkdown('> Never fail over during a backup')).toEqual([
      { kind: 'quote', blocks: [{ kind: 'paragraph', content: text('Never fail over during a backup') }] },
    ]);
  });

  it('leaves hostile HTML as paragraph text', () => {
    const hostile = '<script>alert(1)</script>\n<img src=x onerror="window.__xss=1">';
    expect(parseMarkdown(hostile)).toEqual([
      { kind: 'paragraph', content: text('<script>alert(1)</script> <img src=x onerror="window.__xss=1">') },
    ]);
  });

  it('treats an unterminated fence as code to the end', () => {
    expect(parseMarkdown('```\n# not a heading')).toEqual([
      { kind: 'code', language: null, text: '# not a heading' },
    ]);
  });
  it('reads quotes nested beyond a fixed depth as text instead of overflowing the stack', () => {
    const blocks = parseMarkdown(`${'>'.repeat(100_000)} deep`);
    let depth = 0;
    let block = blocks[0];
    while (block?.kind === 'quote') {
      depth += 1;
      block = block.blocks[0];
    }
    expect(depth).toBeLessThanOrEqual(8);
    expect(block?.kind).toBe('paragraph');
  });

  it('reads lists nested beyond a fixed depth as text', () => {
    const lines = Array.from({ length: 3_000 }, (_, level) => `${'  '.repeat(level)}- level ${level}`);
    const blocks = parseMarkdown(lines.join('\n'));
    let depth = 0;
    let children = blocks;
    while (children[0]?.kind === 'list') {
      depth += 1;
      children = children[0].items[0]?.children ?? [];
    }
    expect(depth).toBeLessThanOrEqual(8);
    expect(children[0]?.kind).toBe('paragraph');
  });
});
