import type { Settings } from '../store/settings';
import { hubUrlProblem } from './hub-url';

/** Where the console's hub comes from: one configured by the user, or one we start ourselves. */
export type HubChoice =
  | { readonly kind: 'configured'; readonly url: string; readonly from: 'SITROOM_HUB_URL' | 'settings' }
  | { readonly kind: 'embedded' };

/**
 * SITROOM_HUB_URL wins over the settings file; with neither, the embedded hub. A malformed
 * SITROOM_HUB_URL is an error rather than a silent fallback: an operator who pointed the console
 * at the shared hub must not end up watching an empty local one.
 */
export function chooseHub(env: Readonly<Record<string, string | undefined>>, settings: Settings): HubChoice {
  const fromEnv = env.SITROOM_HUB_URL?.trim();
  if (fromEnv) {
    const problem = hubUrlProblem(fromEnv);
    // Not echoed: a refused address may hold the very password it is refused for.
    if (problem !== null) throw new Error(`SITROOM_HUB_URL ${problem}.`);
    return { kind: 'configured', url: fromEnv, from: 'SITROOM_HUB_URL' };
  }
  if (settings.hubUrl) return { kind: 'configured', url: settings.hubUrl, from: 'settings' };
  return { kind: 'embedded' };
}
