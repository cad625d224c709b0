// Desktop notifications in a plain browser, through the web Notification API. Browsers grant it
// only when the person asks from a click, so the escalation view offers a button; until then
// notify is a quiet no-op and the in-app page alert still shows. In Electron the session denies
// this permission (the page reads "denied"), the button never shows, and main notifies instead.

export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

/** Whether this page may show desktop notifications, may still ask, or cannot. */
export function browserNotificationPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks for the permission; call it from a click, the only time browsers show the prompt. */
export async function requestBrowserNotifications(): Promise<NotificationPermissionState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/** Shows a text notification when allowed; a click brings the console's tab to the front. */
export function showBrowserNotification(title: string, body: string): void {
  if (browserNotificationPermission() !== 'granted') return;
  try {
    // Every tab of the profile gets the same feed from the console's shared worker, so each tab
    // shows the same page: one tag makes the browser keep one notification, not one per tab (the
    // desktop's main process notifies once for the app).
    const notification = new Notification(title, { body, tag: `sitroom:${title}\n${body}` });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch (error) {
    // Some browsers (Chrome on Android) only notify through a service worker; the in-app alert stays.
    console.warn('[sitroom] could not show a desktop notification', error);
  }
}
