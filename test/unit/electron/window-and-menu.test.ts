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

  it('has Help → Open log folder, which opens the folder of main.log and hub.log', () => {
    let opened = 0;
    const template = appMenuTemplate({
      isMac: false,
      isPackaged: true,
      help: {
        openLogFolder: () => {
          opened += 1;
        },
      },
    });
    const help = template.find((item) => item.role === 'help');
    const submenu = (help?.submenu ?? []) as Array<{ label?: string; click?: () => void }>;
    const item = submenu.find((entry) => entry.label === 'Open log folder');
    item?.click?.();
    expect(opened).toBe(1);
    expect(roles(appMenuTemplate({ isMac: false, isPackaged: true }))).not.toContain('help');
  });
});
