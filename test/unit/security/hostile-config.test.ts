import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { directoryFrom } from '../../../server/auth/config-directory';
import { loadConfig } from '../../../server/config/load';
import { isSeverity } from '../../../shared/domain';
import { buildCatalogGraph } from '../../../shared/impact/catalog-graph';
import { mapSeverity } from '../../../shared/severity';
import { HOSTILE_SEED, hostileKey, hostileText, PROTOTYPE_WORDS } from '../../support/hostile';

// Config files are written by people, copied from wikis and merged by git: 1,000 generated
// folders of hostile YAML through the REAL loader. It must never throw, every mistake must name
// a file and a line, and a folder that loads must be safe to run on (no prototype keys leaking
// into lookups, a catalog that builds).

const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);
const FILES = ['users.yaml', 'integrations.yaml', 'services.yaml', 'escalation.yaml'] as const;
const dir = mkdtempSync(join(tmpdir(), 'sitroom-hostile-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scalar = fc.oneof(hostileText, fc.integer(), fc.boolean(), fc.constant(null));
const mapping = fc.dictionary(hostileKey, scalar, { maxKeys: 5 });
const id = fc.oneof(fc.constantFrom('noc', 'edge', 'dana', 'api', ...PROTOTYPE_WORDS), hostileText);

/** Entries shaped like the real ones, with hostile names and values, and some of any shape. */
const entries = {
  'users.yaml': fc.record({
    users: fc.array(
      fc.record({
        id,
        name: hostileText,
        role: fc.constantFrom('viewer', 'operator', 'commander', 'admin', '__proto__', 'constructor'),
        token_sha256: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), hostileText),
      }),
      { maxLength: 3 },
    ),
  }),
  'integrations.yaml': fc.record({
    integrations: fc.array(
      fc.record({
        id,
        kind: fc.constantFrom('alertmanager', 'pagerduty', 'grafana', 'constructor'),
        token_sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
        severity_map: fc.dictionary(
          hostileKey,
          fc.constantFrom('sev1', 'sev2', 'sev3', 'sev4', 'constructor'),
        ),
      }),
      { maxLength: 3 },
    ),
  }),
  'services.yaml': fc.record({
    severity_map: fc.dictionary(hostileKey, fc.constantFrom('sev1', 'sev2', 'sev3', 'sev4', '__proto__')),
    teams: fc.array(fc.record({ id, name: hostileText }), { maxLength: 2 }),
    services: fc.array(
      fc.record({
        id,
        name: hostileText,
        team: id,
        tier: fc.constantFrom(1, 2, 3, 4, 0, '1'),
        depends_on: fc.array(id, { maxLength: 2 }),
        match: fc.record({ labels: fc.dictionary(hostileKey, hostileText, { maxKeys: 3 }) }),
      }),
      { maxLength: 3 },
    ),
  }),
  'escalation.yaml': fc.record({
    rotations: fc.array(fc.record({ id, timezone: hostileText, participants: fc.array(id) }), {
      maxLength: 2,
    }),
    default_policy: id,
  }),
} as const;

/** One folder: each file absent, shaped, of any shape, or not even YAML. */
const folder = fc.record(
  Object.fromEntries(
    FILES.map((file) => [
      file,
      fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 4, arbitrary: entries[file].map((value) => stringify(value)) },
        { weight: 1, arbitrary: mapping.map((value) => stringify(value)) },
        { weight: 1, arbitrary: hostileText },
      ),
    ]),
  ) as Record<(typeof FILES)[number], fc.Arbitrary<string | null>>,
);

describe(`hostile configuration folders (${RUNS})`, () => {
  it('load or are refused with file:line, never throw, and what loads is safe to run on', async () => {
    let loaded = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(folder, fc.option(hostileText, { nil: null }), async (files, runbook) => {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(join(dir, 'runbooks'), { recursive: true });
        for (const file of FILES) {
          const text = files[file];
          if (text !== null) writeFileSync(join(dir, file), text);
        }
        if (runbook !== null) writeFileSync(join(dir, 'runbooks', 'constructor.md'), runbook);
        const result = await loadConfig(dir);
        if (!result.ok) {
          refused += 1;
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(error.line).toBeGreaterThanOrEqual(1);
            expect(error.message.length).toBeGreaterThan(0);
            expect(error.file).toMatch(/^(users|integrations|services|escalation)\.yaml$|^runbooks\/|^\.$/);
          }
          return;
        }
        loaded += 1;
        for (const word of PROTOTYPE_WORDS)
          expect(isSeverity(mapSeverity(word, result.config.severityMap))).toBe(true);
        const directory = directoryFrom(result.config);
        expect(directory.userByToken('__proto__')).toBeNull();
        buildCatalogGraph(directory.catalog());
      }),
      { numRuns: RUNS, seed: HOSTILE_SEED, endOnFailure: true },
    );
    console.info(
      `hostile config folders (seed ${HOSTILE_SEED}): ${RUNS} tried, ${loaded} loaded, ${refused} refused`,
    );
    expect(loaded + refused).toBe(RUNS);
  }, 120_000);
});
