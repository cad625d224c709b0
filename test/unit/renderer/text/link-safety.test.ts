import { describe, expect, it } from 'vitest';
import { safeHref } from '../../../../renderer/text/link-safety';

describe('safeHref', () => {
  it('keeps absolute http and https URLs', () => {
    expect(safeHref('https://runbooks.example.org/payments-db')).toBe(
      'https://runbooks.example.org/payments-db',
    );
    expect(safeHref('http://prometheus.noc.example:9090/graph?g0.expr=up')).toBe(
      'http://prometheus.noc.example:9090/graph?g0.expr=up',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/api/v1/incidents',
    '//evil.example/path',
    'runbooks/payments-db.md',
    '',
  ])('refuses %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });
});

describe('safeHref and credentials', () => {
  it.each([
    'https://grafana.noc.example@evil.example/d/x',
    'https://user:password@grafana.noc.example/',
    'http://:secret@runbooks.example/',
  ])('refuses %j: the part before "@" reads like the host', (href) => {
    expect(safeHref(href)).toBeNull();
  });
});
