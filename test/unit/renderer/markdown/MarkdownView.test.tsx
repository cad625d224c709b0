import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from '../../../../renderer/markdown/MarkdownView';

// The rendered markup is the proof: whatever the runbook says, the only tags are the ones the
// renderer itself emits, and the only links are http(s).

const render = (markdown: string): string =>
  renderToStaticMarkup(<MarkdownView markdown={markdown} sectionLevel={3} />);

describe('MarkdownView', () => {
  it('renders hostile runbook text as escaped text', () => {
    const html = render(
      '# <script>alert(1)</script>\n\n<img src=x onerror="window.__xss=1">\n\n[x](javascript:alert(1)) <iframe src="https://evil.example">',
    );
    expect(html).not.toMatch(/<(script|img|iframe)\b/);
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
    expect(html).toContain('[x](javascript:alert(1))');
  });

  it('renders links with noopener noreferrer in a new tab, and headings below the section', () => {
    const html = render('## Fail over\n\nSee [the guide](https://wiki.example.org/pg).');
    expect(html).toContain('<h5>Fail over</h5>');
    expect(html).toContain(
      '<a href="https://wiki.example.org/pg" target="_blank" rel="noopener noreferrer">the guide</a>',
    );
  });

  it('shows checklist steps as read-only checkboxes unless the view supplies its own', () => {
    const input = /<input [^>]*>/.exec(render('- [x] Announce'))?.[0] ?? '';
    expect(input).toContain('type="checkbox"');
    expect(input).toContain('checked=""');
    expect(input).toContain('disabled=""');
  });
});
