import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { safeParseIpcArgs } from '../../../electron/ipc/ipc-args-schemas';
import { validateInvocation } from '../../../electron/ipc/validate-invocation';
import {
  createDesktopNotifier,
  escapeBodyMarkup,
  type NotificationClass,
  SAME_NOTIFICATION_MS,
  type ShownNotification,
} from '../../../electron/notifications/desktop-notifier';
import { APP_ENTRY_URL } from '../../../electron/security/app-origin';
import { DESKTOP_NOTIFICATION_LIMITS } from '../../../shared/api';
import { IPC } from '../../../shared/ipc';

// A page may ask main for a desktop notification: two bounded strings, nothing else, shown as
// text, and a click brings the console forward.

describe('notify arguments', () => {
  it('take a title and a body within the limits', () => {
    const { title, body } = DESKTOP_NOTIFICATION_LIMITS;
    expect(safeParseIpcArgs(IPC.notify, ['Paged: INC-7 SEV1', 'Level 1']).success).toBe(true);
    expect(safeParseIpcArgs(IPC.notify, ['t'.repeat(title), 'b'.repeat(body)]).success).toBe(true);
    expect(safeParseIpcArgs(IPC.notify, ['Paged', '']).success).toBe(true);
  });

  it.each([
    ['no arguments', []],
    ['a title alone', ['Paged']],
    ['an empty title', ['', 'body']],
    ['a blank title', ['   ', 'body']],
    ['a title over the limit', ['t'.repeat(DESKTOP_NOTIFICATION_LIMITS.title + 1), 'body']],
    ['a body over the limit', ['Paged', 'b'.repeat(DESKTOP_NOTIFICATION_LIMITS.body + 1)]],
    ['numbers', [1, 2]],
    ['an options object', [{ title: 'Paged', body: 'x', icon: 'file:///etc/passwd' }]],
    ['a third argument', ['Paged', 'body', { silent: true }]],
    ['null', [null, null]],
  ])('refuse %s', (_what, args) => {
    expect(safeParseIpcArgs(IPC.notify, args).success).toBe(false);
  });

  it('are refused from a page that is not the console', () => {
    const result = validateInvocation(IPC.notify, { url: 'https://evil.example/', parent: null }, ['x', 'y']);
    expect(result.ok).toBe(false);
    const ok = validateInvocation(IPC.notify, { url: APP_ENTRY_URL, parent: null }, ['x', 'y']);
    expect(ok).toEqual({ ok: true, args: ['x', 'y'] });
  });
});

/** A stand-in for Electron's Notification that records what it was asked to show. */
function fakeNotifications(supported = true) {
  const shown: Array<{ options: NotificationConstructorOptions; click: () => void }> = [];
  class FakeNotification implements ShownNotification {
    private readonly listeners = new Map<string, () => void>();
    constructor(readonly options: NotificationConstructorOptions) {}
    static isSupported(): boolean {
      return supported;
    }
    on(event: 'click' | 'close', listener: () => void): this {
      this.listeners.set(event, listener);
      return this;
    }
    show(): void {
      shown.push({ options: this.options, click: () => this.listeners.get('click')?.() });
    }
  }
  const Notification: NotificationClass = FakeNotification;
  return { Notification, shown };
}

describe('the desktop notifier', () => {
  it('shows title and body as given, not silent, and focuses the console on click', () => {
    const { Notification, shown } = fakeNotifications();
    let focused = 0;
    const notify = createDesktopNotifier({
      Notification,
      focusConsole: () => focused++,
      platform: 'darwin',
      log: () => {},
    });
    notify('Paged: INC-7 SEV1', 'Payments DB <down> & out');
    expect(shown.map((entry) => entry.options)).toEqual([
      { title: 'Paged: INC-7 SEV1', body: 'Payments DB <down> & out', silent: false },
    ]);
    shown[0]?.click();
    expect(focused).toBe(1);
  });

  it('escapes the body on Linux, where notification servers may read it as markup', () => {
    const { Notification, shown } = fakeNotifications();
    const notify = createDesktopNotifier({
      Notification,
      focusConsole: () => {},
      platform: 'linux',
      log: () => {},
    });
    notify('<b>title</b>', '<a href="https://evil.example">Re-authenticate</a> & <img src=x>');
    expect(shown[0]?.options).toMatchObject({
      title: '<b>title</b>',
      body: '&lt;a href="https://evil.example"&gt;Re-authenticate&lt;/a&gt; &amp; &lt;img src=x&gt;',
    });
    expect(escapeBodyMarkup('a&amp;b')).toBe('a&amp;amp;b');
  });

  it('shows a page once when the console and a wall window both ask for it', () => {
    const { Notification, shown } = fakeNotifications();
    let now = 1_000;
    const notify = createDesktopNotifier({
      Notification,
      focusConsole: () => {},
      platform: 'darwin',
      log: () => {},
      now: () => now,
    });
    notify('You are paged: INC-4 SEV1', 'Level 1 of the escalation.'); // the console window
    notify('You are paged: INC-4 SEV1', 'Level 1 of the escalation.'); // a wall window
    notify('You are paged: INC-5 SEV2', 'Level 1 of the escalation.');
    expect(shown.map((entry) => entry.options.title)).toEqual([
      'You are paged: INC-4 SEV1',
      'You are paged: INC-5 SEV2',
    ]);
    now += SAME_NOTIFICATION_MS;
    notify('You are paged: INC-4 SEV1', 'Level 1 of the escalation.'); // paged again, later
    expect(shown).toHaveLength(3);
  });

  it('logs and shows nothing where the platform has no notifications', () => {
    const { Notification, shown } = fakeNotifications(false);
    const lines: string[] = [];
    const notify = createDesktopNotifier({
      Notification,
      focusConsole: () => {},
      platform: 'linux',
      log: (line) => lines.push(line),
    });
    notify('Paged', 'body');
    expect(shown).toEqual([]);
    expect(lines).toEqual([expect.stringContaining('not supported')]);
  });
});
