import path from 'node:path';
import type { HubLaunchSpec } from './hub-child';

// Which hub build the console starts. The bundle (dist/server/hub.mjs, built by `npm run build:hub`)
// is what packaged builds ship; a development checkout without it runs the TypeScript source through
// tsx so `npm start` works straight after editing the hub.

export interface EmbeddedHubPlace {
  /** The app's root: the repository in development, app.asar when packaged. */
  readonly appRoot: string;
  readonly isPackaged: boolean;
  /** Where the hub keeps its SQLite file: <userData>/hub. */
  readonly dataDir: string;
  readonly exists: (file: string) => boolean;
}

export const HUB_BUNDLE = path.join('dist', 'server', 'hub.mjs');
export const HUB_SOURCE = path.join('server', 'main.ts');

/** The launch spec for the embedded hub, or an error saying what to build. */
export function embeddedHubSpec(place: EmbeddedHubPlace): HubLaunchSpec {
  const args = ['--port', '0', '--data-dir', place.dataDir];
  const bundle = path.join(place.appRoot, HUB_BUNDLE);
  // Inside app.asar existsSync is answered by Electron's asar shim, so the check holds there too.
  if (place.exists(bundle)) return { entry: bundle, args, cwd: place.isPackaged ? undefined : place.appRoot };
  const source = path.join(place.appRoot, HUB_SOURCE);
  if (!place.isPackaged && place.exists(source)) {
    return { entry: source, execArgv: ['--import', 'tsx'], args, cwd: place.appRoot };
  }
  throw new Error(`No hub to start: ${bundle} is missing (run \`npm run build:hub\`).`);
}
