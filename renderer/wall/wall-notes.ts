import type { Session } from '../../shared/protocol';
import type { ScreenLock } from './keep-screen-on';

// What a wall tells whoever set it up, beside what its address got wrong: things that make it a
// worse wall than they think. Pure, so each sentence is tested.

export const SCREEN_MAY_SLEEP =
  'This browser did not promise to keep the screen awake (browsers allow it only over HTTPS or on ' +
  'this machine itself): turn off screen sleep here, serve the hub over HTTPS, or use the desktop app.';

/** Notes for a wall in a browser; the desktop app keeps displays awake and signs in for its user. */
export function wallNotes(
  problems: ReadonlyArray<string>,
  screenLock: ScreenLock | null,
  session: Session | null,
  inDesktopApp: boolean,
): ReadonlyArray<string> {
  const notes = [...problems];
  if (!inDesktopApp && (screenLock === 'refused' || screenLock === 'unsupported'))
    notes.push(SCREEN_MAY_SLEEP);
  if (!inDesktopApp && session && !session.openMode && session.user.role !== 'viewer') {
    notes.push(
      `This wall is signed in as ${session.user.name} (${session.user.role}): anyone passing can act on ` +
        'incidents here. Give walls a viewer token.',
    );
  }
  return notes;
}
