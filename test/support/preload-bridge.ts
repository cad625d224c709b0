import { build } from 'esbuild';

// The desktop console's bridge, as both the unit pins and the Electron smoke test see it.

/** Every function window.sitroom has, sorted: adding or dropping one must be deliberate. */
export const BRIDGE_KEYS = [
  'catalog',
  'dismissRejected',
  'escalations',
  'exportTimeline',
  'hubInfo',
  'incidentRecord',
  'incidentSilences',
  'notify',
  'people',
  'playDemo',
  'sendCommand',
  'serviceChanges',
  'session',
  'signIn',
  'signOut',
  'statistics',
  'subscribe',
] as const;

/** electron/preload.ts bundled as the app ships it (CommonJS, electron left to the runtime). */
export async function bundlePreload(): Promise<string> {
  const result = await build({
    entryPoints: ['electron/preload.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
