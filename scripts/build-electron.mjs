// Bundles the Electron main process and the preload with esbuild.
//   node scripts/build-electron.mjs            → dist/electron/main.cjs, dist/electron/preload.cjs
// main: CommonJS for Node, Electron and the native better-sqlite3 left to the runtime.
// preload: sandboxed preloads cannot require() anything but Electron's own modules, so it is one
// self-contained CommonJS file.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds both bundles; resolves with esbuild's warnings count. */
export async function buildElectron({ minify = false } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    minify,
    logLevel: 'warning',
    legalComments: 'none',
  };
  const results = await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: 'dist/electron/main.cjs',
      platform: 'node',
      target: 'node22',
      // ws (under socket.io-client) tries these optional native speed-ups and works without them.
      external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
    }),
    build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      platform: 'browser',
      target: 'chrome140',
      external: ['electron'],
    }),
  ]);
  return results.reduce((count, result) => count + result.warnings.length, 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildElectron({ minify: process.argv.includes('--minify') });
  console.log(`electron bundles built in ${Date.now() - started} ms → dist/electron/`);
}
