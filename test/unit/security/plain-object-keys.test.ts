import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Outside text (alert labels and fingerprints, dedup keys, severity words, service, team, person
// and config names) must never become a key of a plain object: `constructor` reads a function,
// `__proto__` writes a prototype. This finds the two ways code builds such a table — a
// string-keyed table started from an object literal, and Object.fromEntries — so a new one has
// to be a Map or a shared/dict.ts table, or be listed below with the reason its keys are ours.

const ROOTS = ['shared', 'server', 'renderer', 'electron'];

const PATTERNS: ReadonlyArray<{ readonly name: string; readonly test: RegExp }> = [
  { name: 'string-keyed table from an object literal', test: /Record<\s*string\s*,.*>\s*=\s*\{/ },
  { name: 'index-signature table from an object literal', test: /\[\s*\w+\s*:\s*string\s*\]\s*:.*=\s*\{/ },
  { name: 'Object.fromEntries (a plain object keyed by data)', test: /Object\.fromEntries\(/ },
];

/** Known lines whose keys never come from outside, each with the reason. */
const ALLOWED: ReadonlyArray<{ readonly file: string; readonly line: RegExp; readonly why: string }> = [
  { file: 'shared/replica.ts', line: /incidents/, why: 'keyed by hub-made incident ids (INC-n)' },
  { file: 'shared/hub-client.ts', line: /const headers/, why: 'request header names we write' },
  { file: 'server/http/errors.ts', line: /headers:/, why: 'response header names we write' },
  { file: 'server/http/export-routes.ts', line: /headers:/, why: 'response header names we write' },
  { file: 'electron/hub/spawn-utility.ts', line: /const env/, why: "this process's own environment" },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry) ? [full] : [];
  });
}

function offenders(): string[] {
  const found: string[] = [];
  for (const file of ROOTS.flatMap((root) => sources(path.resolve(root)))) {
    const relative = path.relative(process.cwd(), file).split(path.sep).join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        for (const pattern of PATTERNS) {
          if (!pattern.test.test(line)) continue;
          if (ALLOWED.some((allowed) => allowed.file === relative && allowed.line.test(line))) continue;
          found.push(`${relative}:${index + 1}: ${pattern.name}: ${line.trim()}`);
        }
      });
  }
  return found;
}

describe('tables keyed by outside text', () => {
  it('are Maps or null-prototype tables everywhere in the code', () => {
    expect(offenders()).toEqual([]);
  });

  it('finds the pattern it is looking for (the scan itself works)', () => {
    const planted = 'const bySeverity: Record<string, number> = {};';
    expect(PATTERNS.some((pattern) => pattern.test.test(planted))).toBe(true);
    expect(PATTERNS.some((pattern) => pattern.test.test('Object.fromEntries(pairs)'))).toBe(true);
  });
});
