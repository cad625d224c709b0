import { isAppUrl } from './app-origin';

/** The parts of Electron's WebFrameMain a sender check needs (null once the frame is gone). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * True when an IPC message comes from the console's own top-level page. A frame that navigated
 * away, an iframe, or any other origin is refused, so a page that somehow got into our window
 * cannot drive the hub through the bridge.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}
