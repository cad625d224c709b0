import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigWatcher } from '../../server/config/watcher';
import type { SitroomConfig } from '../../shared/config/types';
import { validFixture } from '../unit/config/config-folder';

// A real folder, real fs.watch events: edit the files as a person (or git pull) would, and see the
// hub's configuration follow — except when the edit is wrong.

const WAIT = { timeout: 5_000, interval: 20 };

let dir: string;
let watcher: ConfigWatcher;
let logs: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitroom-config-reload-'));
  cpSync(validFixture, dir, { recursive: true });
  logs = [];
  watcher = new ConfigWatcher(dir, { debounceMs: 50, log: (line) => logs.push(line) });
});

afterEach(() => {
  watcher.close();
  rmSync(dir, { recursive: true, force: true });
});

const servicesYaml = () => readFileSync(join(dir, 'services.yaml'), 'utf8');
const serviceIds = (config: SitroomConfig | null) => config?.services.map((service) => service.id) ?? [];

/** Appends a service to the catalog; returns the text so a later step can build on it. */
function addService(text: string, line: string): string {
  const next = `${text}${line}\n`;
  writeFileSync(join(dir, 'services.yaml'), next);
  return next;
}

describe('ConfigWatcher', () => {
  it('follows good edits, keeps the last good config through a bad one, and recovers', async () => {
    const first = await watcher.start();
    expect(first.ok).toBe(true);
    expect(serviceIds(watcher.current())).toHaveLength(8);
    const changes: SitroomConfig[] = [];
    watcher.onChange((config) => changes.push(config));

    // A good edit: a ninth service appears.
    const withBilling = addService(
      servicesYaml(),
      '  - { id: billing, name: Billing, team: payments, tier: 2 }',
    );
    await vi.waitFor(() => expect(serviceIds(watcher.current())).toContain('billing'), WAIT);
    expect(changes).toHaveLength(1);

    // A bad edit: a typo in depends_on, on the file's last line.
    const lineOfTypo = withBilling.split('\n').length;
    addService(
      withBilling,
      '  - { id: ledger, name: Ledger, team: payments, tier: 2, depends_on: [billign] }',
    );
    await vi.waitFor(() => expect(watcher.lastErrors()).not.toHaveLength(0), WAIT);
    expect(watcher.lastErrors()).toEqual([
      {
        file: 'services.yaml',
        line: lineOfTypo,
        column: expect.any(Number),
        message: 'service "ledger" depends on "billign", which is not in the catalog',
      },
    ]);
    expect(serviceIds(watcher.current())).toContain('billing');
    expect(serviceIds(watcher.current())).not.toContain('ledger');
    expect(logs).toContain(
      `config: services.yaml:${lineOfTypo}: service "ledger" depends on "billign", which is not in the catalog`,
    );
    expect(logs.some((line) => line.includes('keeping the last good configuration'))).toBe(true);
    expect(changes).toHaveLength(1);

    // The fix: both services load and listeners hear about it.
    addService(
      withBilling,
      '  - { id: ledger, name: Ledger, team: payments, tier: 2, depends_on: [billing] }',
    );
    await vi.waitFor(() => expect(serviceIds(watcher.current())).toContain('ledger'), WAIT);
    expect(watcher.lastErrors()).toEqual([]);
    expect(changes).toHaveLength(2);
    expect(changes[1]?.services.find((service) => service.id === 'ledger')?.dependsOn).toEqual(['billing']);
  });

  it('reloads when a runbook is added or edited', async () => {
    await watcher.start();
    writeFileSync(join(dir, 'runbooks', 'kafka.md'), '# Kafka\n\n- [ ] Check under-replicated partitions\n');
    await vi.waitFor(() => expect(watcher.current()?.runbooks['kafka.md']).toBeDefined(), WAIT);
    expect(watcher.current()?.runbooks['kafka.md']?.steps.map((step) => step.id)).toEqual([
      'check-under-replicated-partitions',
    ]);

    writeFileSync(join(dir, 'runbooks', 'kafka.md'), '# Kafka\n\n- [ ] Restart the broker\n');
    await vi.waitFor(
      () => expect(watcher.current()?.runbooks['kafka.md']?.steps[0]?.text).toBe('Restart the broker'),
      WAIT,
    );
  });

  it('reloads on demand, as on SIGHUP, and reports a YAML syntax error with its line', async () => {
    await watcher.start();
    watcher.close(); // no file events: only reload() can notice the change
    writeFileSync(join(dir, 'escalation.yaml'), 'rotations:\n  - id: noc\n    handoff: "08:00\n');
    const result = await watcher.reload();
    expect(result.ok).toBe(false);
    expect(watcher.lastErrors()[0]).toMatchObject({ file: 'escalation.yaml', line: 4 });
    expect(watcher.lastErrors()[0]?.message).toMatch(/^YAML syntax: /);
    expect(watcher.current()?.rotations).toHaveLength(2);
  });

  it('has no configuration, only errors, when the first load fails', async () => {
    writeFileSync(join(dir, 'users.yaml'), 'users:\n  - { id: dana }\n');
    const result = await watcher.start();
    expect(result.ok).toBe(false);
    expect(watcher.current()).toBeNull();
    expect(watcher.lastErrors().map((error) => `${error.file}:${error.line}`)).toEqual([
      'users.yaml:2',
      'users.yaml:2',
      'users.yaml:2',
    ]);
  });
});
