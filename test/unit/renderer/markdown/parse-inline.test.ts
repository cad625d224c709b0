import { describe, expect, it } from 'vitest';
import { parseInline } from '../../../../renderer/markdown/parse-inline';

describe('parseInline', () => {
  it('reads code, strong, emphasis and links', () => {
    expect(
      parseInline('Run `patronictl failover` **now**, *carefully*: [guide](https://wiki.example.org/pg)'),
    ).toEqual([
      { kind: 'text', text: 'Run ' },
      { kind: 'code', text: 'patronictl failover' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'now' }] },
      { kind: 'text', text: ', ' },
      { kind: 'emphasis', children: [{ kind: 'text', text: 'carefully' }] },
      { kind: 'text', text: ': ' },
      { kind: 'link', href: 'https://wiki.example.org/pg', children: [{ kind: 'text', text: 'guide' }] },
    ]);
  });

  it('keeps javascript: and other non-http links as their literal text', () => {
    expect(parseInline('[click](javascript:alert(1)) and <javascript:alert(1)>')).toEqual([
      { kind: 'text', text: '[click](javascript:alert(1)) and <javascript:alert(1)>' },
    ]);
    expect(parseInline('[relative](../secrets.md)')).toEqual([
      { kind: 'text', text: '[relative](../secrets.md)' },
    ]);
  });

  it('keeps raw HTML as text', () => {
    const hostile = '<script>window.__xss=1</script> <img src=x onerror="window.__xss=1">';
    expect(parseInline(hostile)).toEqual([{ kind: 'text', text: hostile }]);
  });

  it('makes autolinks and bare URLs links', () => {
    expect(parseInline('<https://status.example.org> or https://grafana.example.org/d/pg')).toEqual([
      {
        kind: 'link',
        href: 'https://status.example.org/',
        children: [{ kind: 'text', text: 'https://status.example.org' }],
      },
      { kind: 'text', text: ' or ' },
      {
        kind: 'link',
        href: 'https://grafana.example.org/d/pg',
        children: [{ kind: 'text', text: 'https://grafana.example.org/d/pg' }],
      },
    ]);
  });

  it('does not read snake_case or escaped markers as emphasis', () => {
    expect(parseInline('pg_replication_lag \\*not emphasis\\*')).toEqual([
      { kind: 'text', text: 'pg_replication_lag *not emphasis*' },
    ]);
  });

  it('stops nesting at a fixed depth instead of recursing without bound', () => {
    const deep = `${'**a '.repeat(200)}x${' a**'.repeat(200)}`;
    expect(() => parseInline(deep)).not.toThrow();
  });
  it('looks for the end of a link text only within 999 characters, as CommonMark does', () => {
    const long = `[${'a'.repeat(1_000)}](https://runbooks.example/)`;
    // Not a link: the brackets stay as text (the bare URL after them is still linked).
    expect(parseInline(long)[0]).toEqual({ kind: 'text', text: `[${'a'.repeat(1_000)}](` });
    const short = `[${'a'.repeat(999)}](https://runbooks.example/)`;
    expect(parseInline(short)[0]).toMatchObject({ kind: 'link', href: 'https://runbooks.example/' });
  });

  it('reads a line of 50,000 "[" as the text it is', () => {
    expect(parseInline('['.repeat(50_000))).toEqual([{ kind: 'text', text: '['.repeat(50_000) }]);
  });
});
