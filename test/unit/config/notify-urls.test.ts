import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { catalogFromConfig } from '../../../shared/impact/catalog';
import { configFolder, lines, loadErrors, removeConfigFolders, validFixture } from './config-folder';

// Notify URLs carry secrets: https only, except to this machine's loopback (a local relay, a
// test's receiver), and the catalog consoles receive names each channel's host, never its URL.

afterAll(removeConfigFolders);

const withTeamWebhook = (url: string) =>
  lines(
    'teams:', //                                               1
    '  - id: sre', //                                          2
    '    name: SRE', //                                        3
    `    notify: [{ webhook: "${url}" }]`, //                  4
    'services: [{ id: web, name: Web, team: sre, tier: 1 }]', // 5
  );

describe('notify URLs', () => {
  it('accepts plain http to loopback only', async () => {
    for (const url of ['http://127.0.0.1:9000/hook', 'http://localhost/hook', 'http://[::1]:8080/hook']) {
      const result = await loadConfig(
        configFolder({ 'services.yaml': withTeamWebhook(url), 'escalation.yaml': null }),
      );
      expect({ url, ok: result.ok }).toEqual({ url, ok: true });
    }
    for (const url of [
      'http://paging.example.org/hook',
      'http://10.0.0.1/hook',
      'ftp://127.0.0.1/x',
      'hook',
    ]) {
      const errors = await loadErrors({ 'services.yaml': withTeamWebhook(url), 'escalation.yaml': null });
      expect(errors).toEqual(['services.yaml:4: team "sre": notify[0].webhook: must be an https:// URL']);
    }
  });

  it("gives consoles each channel's kind and host, never the secret path", async () => {
    const result = await loadConfig(validFixture);
    if (!result.ok) throw new Error('expected the fixture to load');
    const catalog = catalogFromConfig(result.config);
    expect(catalog.teams.map((team) => [team.id, team.channels])).toEqual([
      ['sre', [{ kind: 'slack', host: 'hooks.slack.com' }]],
      ['payments', [{ kind: 'webhook', host: 'paging.example.org' }]],
      ['data-platform', [{ kind: 'webhook', host: 'paging.example.org' }]],
    ]);
    expect(JSON.stringify(catalog)).not.toMatch(/hooks\/|T000/);
    expect(catalog.services.find((service) => service.id === 'payments-api')).toEqual({
      id: 'payments-api',
      name: 'Payments API',
      team: 'payments',
      tier: 1,
      dependsOn: ['payments-db', 'kafka'],
    });
  });
});
