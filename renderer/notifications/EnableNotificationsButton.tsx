import { useState } from 'react';
import {
  browserNotificationPermission,
  type NotificationPermissionState,
  requestBrowserNotifications,
} from './browser-notifications';

/**
 * "Enable desktop notifications", shown only while the browser may still ask: browsers show the
 * prompt only from a click, and asking again after a refusal does nothing. In the desktop app the
 * page's permission reads "denied" (main notifies instead), so the button never shows there.
 */
export function EnableNotificationsButton() {
  const [permission, setPermission] = useState<NotificationPermissionState>(browserNotificationPermission);
  if (permission === 'granted') return <span className="notifications-state">Desktop notifications on</span>;
  if (permission !== 'default') return null;
  const ask = (): void => {
    requestBrowserNotifications().then(setPermission, () => setPermission(browserNotificationPermission()));
  };
  return (
    <button type="button" className="button" onClick={ask}>
      Enable desktop notifications
    </button>
  );
}
