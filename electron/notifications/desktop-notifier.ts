import type { NotificationConstructorOptions } from 'electron';

// Desktop notifications from the main process: the console's session denies the web
// Notification permission to the page (session/harden-session.ts), so pages are announced here.
// Electron's Notification class is passed in, so the rules below are tested without Electron.

/** The part of an Electron Notification the notifier uses. */
export interface ShownNotification {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
}

/** Electron's Notification class, or a stand-in with the same shape. */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): ShownNotification;
  isSupported(): boolean;
}

export interface DesktopNotifierDeps {
  readonly Notification: NotificationClass;
  /** Brings the console window to the front (reopening it if it was closed). */
  readonly focusConsole: () => void;
  readonly platform: NodeJS.Platform;
  readonly log: (message: string) => void;
  readonly now?: () => number;
}

/**
 * An Electron Notification that is no longer referenced may be garbage-collected before it is
 * clicked, and its click handler with it. The last few are kept; older ones have long scrolled
 * out of the notification centre anyway.
 */
const KEPT_NOTIFICATIONS = 20;

/**
 * Every window of the app (the console and each wall) gets the same feed and is signed in as the
 * same person, and each asks for the same page's notification in the same moment: within this
 * window, the same text is shown once. (A browser does this with a notification's tag.)
 */
export const SAME_NOTIFICATION_MS = 10_000;

/** Shows a text-only desktop notification whose click focuses the console; arguments are already validated. */
export function createDesktopNotifier(deps: DesktopNotifierDeps): (title: string, body: string) => void {
  const kept: ShownNotification[] = [];
  const now = deps.now ?? Date.now;
  /** The text of each notification shown lately, and when. */
  const lately = new Map<string, number>();
  const forget = (notification: ShownNotification): void => {
    const index = kept.indexOf(notification);
    if (index !== -1) kept.splice(index, 1);
  };

  return (title, body) => {
    const at = now();
    for (const [text, shownAt] of lately) if (at - shownAt >= SAME_NOTIFICATION_MS) lately.delete(text);
    const text = `${title}\n${body}`;
    if (lately.has(text)) return;
    lately.set(text, at);
    if (!deps.Notification.isSupported()) {
      deps.log('desktop notifications are not supported here; skipped one');
      return;
    }
    const notification = new deps.Notification({
      title,
      body: deps.platform === 'linux' ? escapeBodyMarkup(body) : body,
      silent: false,
    });
    notification.on('click', () => {
      forget(notification);
      deps.focusConsole();
    });
    notification.on('close', () => forget(notification));
    kept.push(notification);
    if (kept.length > KEPT_NOTIFICATIONS) kept.shift();
    notification.show();
  };
}

/**
 * Linux notification servers may read the body as markup (the freedesktop "body-markup"
 * capability): an alert title from monitoring must not turn into a link or an image there.
 * Escaped, the body shows as the text it is; the summary (title) is never markup.
 */
export function escapeBodyMarkup(body: string): string {
  return body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
