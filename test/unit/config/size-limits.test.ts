import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutMap } from '../../../renderer/map/layout';
import {
  loadConfig,
  MAX_CONFIG_FILE_BYTES,
  MAX_SERVICES,
  MAX_SERVICES_FILE_BYTES,
} from '../../../server/config/load';
import { catalogFromConfig } from '../../../shared/impact/catalog';
import { buildCatalogGraph } from '../../../shared/impact/catalog-graph';
import { incidentImpact } from '../../../shared/impact/incident-impact';
import { serviceHealth } from '../../../shared/impact/service-health';
import { configFolder, loadErrors, removeConfigFolders } from './config-folder';

// A generated or mistaken file of many megabytes used to be read and parsed whole, and a catalog
// of 120,000+ services crashed the console's map; each file now has a size cap and the catalog a
// count cap, refused with the file and line like any other mistake.

afterAll(removeConfigFolders);

/** services.yaml with `count` services in chains of 100 (each depends on the one before). */
function catalog(count: number): string {
  const lines = ['teams:', '  - { id: sre, name: SRE, members: [alice] }', 'services:'];
  for (let i = 0; i < count; i++) {
    const needs = i % 100 === 0 ? '' : `s${i - 1}`;
    lines.push(`  - { id: s${i}, name: S ${i}, team: sre, tier: ${(i % 4) + 1}, depends_on: [${needs}] }`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * services.yaml with `count` services written as people write them: block style, a comment, match
 * labels and PagerDuty sources (about 400 bytes a service), in chains of 100 as above.
 */
function writtenCatalog(count: number): string {
  const lines = ['teams:', '  - id: sre', '    name: SRE', '    members: [alice]', 'services:'];
  for (let i = 0; i < count; i++) {
    const id = (n: number): string => `payments-service-${String(n).padStart(5, '0')}`;
    lines.push(
      `  # ── ${id(i)}: card payments, EU west ─────────────────────────────`,
      `  - id: ${id(i)}`,
      `    name: Payments service number ${i} (EU west)`,
      '    team: sre',
      `    tier: ${(i % 4) + 1}`,
      `    depends_on: [${i % 100 === 0 ? '' : id(i - 1)}]`,
      '    match:',
      `      labels: { job: payments-${i}, cluster: eu-west-1 }`,
      `      pagerduty_sources: [host-${i}-a.dc1.example.org, host-${i}-b.dc1.example.org]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('configuration size limits', () => {
  it('refuses a file larger than the cap, naming the file and the limit', async () => {
    const padding = `# ${'x'.repeat(1000)}\n`.repeat(Math.ceil(MAX_CONFIG_FILE_BYTES / 1000) + 1);
    const errors = await loadErrors({ 'users.yaml': padding });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^users\.yaml:1: is [\d,]+ bytes; a configuration file may be at most 4,194,304 bytes/,
    );
  });

  it('refuses an oversized runbook the same way', async () => {
    const errors = await loadErrors({
      'runbooks/edge-lb.md': `# Edge\n\n${'- [ ] step\n'.repeat(MAX_CONFIG_FILE_BYTES / 10)}`,
    });
    expect(errors).toEqual([
      expect.stringMatching(/^runbooks\/edge-lb\.md:1: is [\d,]+ bytes; .* at most 4,194,304/),
    ]);
  });

  it('loads a catalog written out in full that is larger than the other files may be', async () => {
    // 12,000 services is a quarter of what a catalog may list, yet over 4 MiB written this way:
    // under one cap for every file it was refused, and a hub that had run with it would not start.
    const text = writtenCatalog(12_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_CONFIG_FILE_BYTES);
    const dir = configFolder({ 'services.yaml': text, 'escalation.yaml': '' });
    const result = await loadConfig(dir);
    if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
    expect(result.config.services).toHaveLength(12_000);
  }, 120_000);

  it('leaves services.yaml room for every service it may list, at about 400 bytes each', () => {
    const perService = Buffer.byteLength(writtenCatalog(1000)) / 1000;
    expect(perService).toBeGreaterThan(350);
    expect(MAX_SERVICES_FILE_BYTES).toBeGreaterThanOrEqual(MAX_SERVICES * perService);
  });

  it('refuses a services.yaml larger than its own cap, naming it', async () => {
    const padding = `# ${'x'.repeat(1000)}\n`.repeat(Math.ceil(MAX_SERVICES_FILE_BYTES / 1000) + 1);
    const errors = await loadErrors({ 'services.yaml': padding });
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^services\.yaml:1: is [\d,]+ bytes; this file may be at most 25,165,824 bytes \(24 MiB\)$/,
      ),
    );
  });

  it('refuses a catalog of more services than allowed, at the line of services:', async () => {
    const errors = await loadErrors({ 'services.yaml': catalog(MAX_SERVICES + 1), 'escalation.yaml': '' });
    expect(errors).toEqual(['services.yaml:4: lists 50,001 services; at most 50,000 are allowed']);
  }, 120_000);

  it('loads a catalog at the limit, and impact and the map handle it', async () => {
    const dir = configFolder({ 'escalation.yaml': '' });
    writeFileSync(join(dir, 'services.yaml'), catalog(MAX_SERVICES));
    const result = await loadConfig(dir);
    if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
    expect(result.config.services).toHaveLength(MAX_SERVICES);

    const graph = buildCatalogGraph(catalogFromConfig(result.config));
    const impact = incidentImpact(graph, { services: ['s0'], notifiedTeams: [] });
    expect(impact.services).toHaveLength(99);
    const health = serviceHealth(graph, [
      { id: 'INC-1', status: 'investigating', severity: 'sev1', services: ['s0', 's100'] },
    ]);
    expect(health.length).toBeGreaterThan(0);
    const layout = layoutMap(
      graph.services.map((service) => ({ id: service.id, dependsOn: service.dependsOn })),
    );
    expect(layout.nodes).toHaveLength(MAX_SERVICES);
    expect(layout.layers).toHaveLength(100);
  }, 120_000);
});
