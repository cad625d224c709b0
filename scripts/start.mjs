// `npm start`: build what the console needs, then run the desktop app; on a machine without an
// Electron binary (it cannot be downloaded everywhere), run the hub in the foreground instead so
// the same console opens in a browser.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { electronBinaryPath } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs an npm script in the foreground; stops `npm start` if it fails. */
function runScript(name) {
  const result = spawnSync(npm, ['run', '--silent', name], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm start: \`npm run ${name}\` failed`);
    process.exit(result.status ?? 1);
  }
}

/** Runs a long-lived child in the foreground, passing Ctrl-C and SIGTERM on and its exit code back. */
function foreground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

runScript('build:web');
runScript('build:hub');
await buildElectron();

/**
 * Since Electron 42 the npm package fetches its binary on first use instead of at install, so
 * `npm ci` works offline. Fetch it now, once; where it cannot be had, fall back to the browser.
 */
function fetchElectronBinary() {
  if (process.env.SITROOM_NO_ELECTRON_DOWNLOAD === '1') return;
  console.log('npm start: fetching the Electron binary (once)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: 300_000,
  });
  if (result.status !== 0)
    console.log('npm start: the Electron binary could not be downloaded on this machine.');
}

let electron = electronBinaryPath(root);
if (!electron) {
  fetchElectronBinary();
  electron = electronBinaryPath(root);
}
if (electron) {
  // `electron .` runs package.json "main" (dist/electron/main.cjs), which starts the embedded hub.
  foreground(electron, ['.', ...process.argv.slice(2)]);
} else {
  const port = process.env.SITROOM_PORT ?? '7420';
  console.log(
    `No Electron binary on this machine: starting the hub on port ${port} instead; open the console: link it prints (it carries this run's key)`,
  );
  foreground(process.execPath, [path.join('dist', 'server', 'hub.mjs'), ...process.argv.slice(2)]);
}
