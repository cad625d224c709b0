import { afterEach, expect, it } from 'vitest';
import { showBrowserNotification } from '../../../../renderer/notifications/browser-notifications';

// The tabs of one browser profile share the console worker's feed, so each shows the same page.
// A shared tag is how the web Notification API keeps one notification for them instead of a
// stack of identical ones; the browser's Notification is stood in for here (Node has none).

const shown: Array<{ title: string; options: NotificationOptions | undefined }> = [];
const original = (globalThis as { Notification?: unknown }).Notification;

afterEach(() => {
  (globalThis as { Notification?: unknown }).Notification = original;
  shown.length = 0;
});

it('gives the same page the same tag in every tab, and another page another', () => {
  (globalThis as { Notification?: unknown }).Notification = class {
    static permission = 'granted';
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options });
    }
    close(): void {}
  };
  const body = 'Level 1 of the escalation. Acknowledge it in Sitroom.';
  showBrowserNotification('You are paged: INC-4 SEV1', body); // the operator's tab
  showBrowserNotification('You are paged: INC-4 SEV1', body); // the wall tab beside it
  showBrowserNotification('You are paged: INC-5 SEV2', body);
  const [first, second, third] = shown.map((notification) => notification.options?.tag);
  expect(first).toEqual(expect.any(String));
  expect(second).toBe(first);
  expect(third).not.toBe(first);
});
