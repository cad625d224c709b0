import { describe, expect, it } from 'vitest';
import { keepScreenOn, type ScreenLock } from '../../../../renderer/wall/keep-screen-on';

// The browser's Screen Wake Lock, as the wall uses it: the browser drops the lock when the page
// is hidden, so the wall must ask again when it is visible again.

function fakeBrowser(answer: 'grant' | 'refuse' = 'grant') {
  const listeners = new Set<() => void>();
  const locks: Array<{ released: boolean; release(): Promise<void> }> = [];
  const doc = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  const wakeLock = {
    async request() {
      if (answer === 'refuse') throw new Error('NotAllowedError: the user agent denied it');
      const lock = {
        released: false,
        async release() {
          lock.released = true;
        },
      };
      locks.push(lock);
      return lock;
    },
  };
  const show = (state: DocumentVisibilityState) => {
    doc.visibilityState = state;
    for (const listener of listeners) listener();
  };
  return { doc, wakeLock, locks, show, listeners };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keepScreenOn', () => {
  it('holds a lock while visible, asks again after the page was hidden, and lets go when stopped', async () => {
    const browser = fakeBrowser();
    const states: ScreenLock[] = [];
    const stop = keepScreenOn(browser.doc as unknown as Document, browser.wakeLock, (s) => states.push(s));
    await settle();
    expect(browser.locks).toHaveLength(1);

    browser.show('hidden');
    await (browser.locks[0] as { release(): Promise<void> }).release(); // what the browser does
    browser.show('visible');
    await settle();
    expect(browser.locks).toHaveLength(2);
    expect(states).toEqual(['held', 'held']);

    stop();
    await settle();
    expect(browser.locks[1]?.released).toBe(true);
    expect(browser.listeners.size).toBe(0);
  });

  it('asks once while the browser decides, and lets go of a lock granted after it was stopped', async () => {
    const browser = fakeBrowser();
    const stop = keepScreenOn(browser.doc as unknown as Document, browser.wakeLock);
    browser.show('visible');
    browser.show('visible');
    stop();
    await settle();
    expect(browser.locks).toHaveLength(1);
    expect(browser.locks[0]?.released).toBe(true);
  });

  it('does not ask twice while it holds a lock', async () => {
    const browser = fakeBrowser();
    keepScreenOn(browser.doc as unknown as Document, browser.wakeLock);
    await settle();
    browser.show('visible');
    await settle();
    expect(browser.locks).toHaveLength(1);
  });

  it('reports a refusal and a browser without the API, so the wall can say so', async () => {
    const refusing = fakeBrowser('refuse');
    const states: ScreenLock[] = [];
    keepScreenOn(refusing.doc as unknown as Document, refusing.wakeLock, (s) => states.push(s));
    await settle();
    keepScreenOn(refusing.doc as unknown as Document, undefined, (s) => states.push(s));
    expect(states).toEqual(['refused', 'unsupported']);
  });
});
