// What electron-builder would copy from node_modules into app.asar: the production dependency
// tree (`npm ls --omit=dev --all --parseable`), each package's files once, less what
// electron-builder.yml excludes (tests, docs, examples, better-sqlite3's C sources, source maps).
//   node scripts/app-payload.mjs [project dir]   → packages, files, bytes; one line of JSON

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
})
  .split('\n')
  .filter((line) => line.includes(`${path.sep}node_modules${path.sep}`));
const packages = [...new Set(listed)];

const EXCLUDED_DIRS = new Set(['node_modules', 'test', 'tests', '__tests__', 'docs', 'example', 'examples']);
let files = 0;
let bytes = 0;
function walk(dir, packageDir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Nested node_modules are packages of their own, listed separately.
      if (EXCLUDED_DIRS.has(entry.name)) continue;
      if (
        packageDir.endsWith(`${path.sep}better-sqlite3`) &&
        dir === packageDir &&
        ['deps', 'src'].includes(entry.name)
      )
        continue;
      walk(full, packageDir);
    } else if (entry.isFile() && !entry.name.endsWith('.map')) {
      files += 1;
      bytes += statSync(full).size;
    }
  }
}
for (const dir of packages) walk(dir, dir);
console.log(JSON.stringify({ packages: packages.length, files, bytes, mib: +(bytes / 2 ** 20).toFixed(2) }));
