import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../electron/menu/app-menu';
import { mainWindowOptions } from '../../../electron/window/main-window-options';

describe('the console window', () => {
  it('waits to be shown until it has painted', () => {
    expect(mainWindowOptions('/p.cjs').show).toBe(false);
  });
});

describe('the app menu', () => {
  const roles = (template: ReturnType<typeof appMenuTemplate>): string[] =>
    JSON.stringify(template)
      .match(/"role":"[a-zA-Z]+"/g)
      ?.map((match) => match.slice(8, -1)) ?? [];

  it('has no reload or DevTools in packaged builds', () => {
    const packaged = roles(appMenuTemplate({ isMac: false, isPackaged: true }));
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).toContain('quit');
  });

  it('keeps them in development', () => {
    const dev = roles(appMenuTemplate({ isMac: true, isPackaged: false }));
    expect(dev).toContain('reload');
    expect(dev).toContain('toggleDevTools');
    expect(dev).toContain('appMenu');
  });
});
