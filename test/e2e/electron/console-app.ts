import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinaryPath } from '../../../scripts/electron-binary.mjs';

// Page object for the desktop console: launches the built main bundle on the real Electron binary
// with a profile of its own (its own embedded hub data, cache and instance lock).

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BOARD_READY = '[data-testid="board-root"][data-ready="true"]';
/** Why the Electron suites skip where there is no binary. */
export const NO_ELECTRON_BINARY =
  'No Electron binary on this machine (it cannot be downloaded here); run where `npx install-electron` can fetch it';

export class ConsoleApp {
  private output = '';
  private closed = false;
  private readonly outputWaiters = new Set<() => void>();

  private constructor(
    readonly app: ElectronApplication,
    readonly page: Page,
    private readonly profile: string,
  ) {
    // The main process logs every refused navigation, window and IPC call: tests wait on those
    // lines instead of sleeping and hoping nothing happened.
    app.process().stdout?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const wake of this.outputWaiters) wake();
    });
  }

  /** Resolves once the main process has logged a line matching pattern. */
  async waitForLog(pattern: RegExp, timeoutMs = 10_000): Promise<void> {
    if (pattern.test(this.output)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.outputWaiters.delete(check);
        reject(new Error(`main process never logged ${pattern}; it logged:\n${this.output}`));
      }, timeoutMs);
      const check = (): void => {
        if (!pattern.test(this.output)) return;
        clearTimeout(timer);
        this.outputWaiters.delete(check);
        resolve();
      };
      this.outputWaiters.add(check);
    });
  }

  /**
   * Starts the console and waits for its first window (not for the board: tests decide). A
   * profile kept from an earlier launch (close({ keepProfile: true })) starts it as after a restart.
   */
  static async launch(options: { readonly profile?: string } = {}): Promise<ConsoleApp> {
    const executablePath = electronBinaryPath();
    if (executablePath === null) throw new Error('No Electron binary on this machine');
    const profile = options.profile ?? mkdtempSync(path.join(tmpdir(), 'sitroom-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.SITROOM_HUB_URL;
    const app = await _electron.launch({
      executablePath,
      args: [path.join(repoRoot, 'dist', 'electron', 'main.cjs')],
      cwd: repoRoot,
      env: { ...env, SITROOM_USER_DATA_DIR: profile },
    });
    return new ConsoleApp(app, await app.firstWindow(), profile);
  }

  /** A folder for files a test makes (saved exports); it goes with the profile on close. */
  scratchDir(): string {
    const dir = path.join(this.profile, 'scratch');
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Resolves once the renderer says its first board is in. */
  async waitForBoard(): Promise<void> {
    await this.page.locator(BOARD_READY).waitFor();
  }

  /**
   * Quits through the app's own quit path (which stops the embedded hub) and removes the profile,
   * unless it is kept for a relaunch; returns the profile's folder.
   */
  async close(options: { readonly keepProfile?: boolean } = {}): Promise<string> {
    if (this.closed) return this.profile;
    this.closed = true;
    await this.app.close();
    if (!options.keepProfile) rmSync(this.profile, { recursive: true, force: true });
    return this.profile;
  }
}
