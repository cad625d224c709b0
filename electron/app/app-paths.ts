import path from 'node:path';

/** Where the app's built pieces are, relative to the bundled main script. */
export interface AppPaths {
  /** The repository in development; app.asar when packaged. */
  readonly root: string;
  readonly webRoot: string;
  readonly preload: string;
  readonly icon: string;
}

/**
 * Derived from the main bundle's own folder (dist/electron) rather than app.getAppPath(): when
 * Electron is started on the script directly (as Playwright does) the app path is that folder,
 * not the repository.
 */
export function appPaths(mainDir: string): AppPaths {
  const root = path.resolve(mainDir, '..', '..');
  return {
    root,
    webRoot: path.join(root, 'dist', 'web'),
    preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
    icon: path.join(root, 'assets', 'icon.png'),
  };
}
