import { APP_ENTRY_URL } from '../security/app-origin';
import type { WallConfig } from './wall-config';

/**
 * The page a wall window loads: the console's own index.html with the wall settings in the query
 * (`?wall=1&view=…&rotate=a,b&dwell=…&sound=sev1,sev2`), which is all the renderer reads. Built with the URL API so
 * every value is encoded; still on the app origin, so navigation and sender checks accept it.
 */
export function wallUrl(wall: Pick<WallConfig, 'view' | 'rotate' | 'dwellSeconds' | 'sound'>): string {
  const url = new URL(APP_ENTRY_URL);
  url.searchParams.set('wall', '1');
  url.searchParams.set('view', wall.view);
  if (wall.rotate && wall.rotate.length > 0) url.searchParams.set('rotate', wall.rotate.join(','));
  if (wall.dwellSeconds !== undefined) url.searchParams.set('dwell', String(wall.dwellSeconds));
  if (wall.sound && wall.sound.length > 0) url.searchParams.set('sound', wall.sound.join(','));
  return url.href;
}
