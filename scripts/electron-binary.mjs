// Finds the Electron executable the way node_modules/electron/index.js does, but without ever
// requiring that module: requiring it on a machine without the binary starts a download, which
// cannot work here (and must not happen as a side effect of a test or of `npm start`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const executableNames = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/** The Electron executable to run, or null when this machine has none. */
export function electronBinaryPath(root = repoRoot, env = process.env) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative || executableNames[process.platform] || 'electron')
    : relative
      ? path.join(packageDir, 'dist', relative)
      : null;
  return candidate !== null && existsSync(candidate) ? candidate : null;
}

/** True when an Electron executable exists on this machine. */
export function electronBinaryAvailable(root = repoRoot, env = process.env) {
  return electronBinaryPath(root, env) !== null;
}
