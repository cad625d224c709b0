import { describe, expect, it } from 'vitest';
import { linkify } from '../../../../renderer/text/linkify';

describe('linkify', () => {
  it('leaves text without URLs as one text run', () => {
    expect(linkify('Failing over to pg-2')).toEqual([{ kind: 'text', text: 'Failing over to pg-2' }]);
  });

  it('picks out http(s) URLs and leaves sentence punctuation outside them', () => {
    expect(linkify('see https://grafana.example.org/d/pg, then http://status.example.org.')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://grafana.example.org/d/pg', href: 'https://grafana.example.org/d/pg' },
      { kind: 'text', text: ', then ' },
      { kind: 'link', text: 'http://status.example.org', href: 'http://status.example.org/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps a closing parenthesis the URL opened', () => {
    const [link] = linkify('https://en.wikipedia.org/wiki/Failover_(computing)');
    expect(link).toMatchObject({ kind: 'link', text: 'https://en.wikipedia.org/wiki/Failover_(computing)' });
  });

  it('never makes links of other schemes or of markup', () => {
    const text = 'javascript:alert(1) <a href="https://x.example">x</a> <img src=x onerror="window.__xss=1">';
    const segments = linkify(text);
    expect(segments.filter((segment) => segment.kind === 'link').map((segment) => segment.text)).toEqual([
      'https://x.example',
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });
});
