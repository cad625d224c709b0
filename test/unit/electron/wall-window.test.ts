import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../../electron/menu/app-menu';
import type { WallMenuModel } from '../../../electron/wall/wall-menu';
import { displayMenuName } from '../../../electron/wall/wall-menu';
import { wallWindowOptions } from '../../../electron/wall/wall-window-options';
import { mainWindowOptions } from '../../../electron/window/main-window-options';

const preload = '/app/dist/electron/preload.cjs';
const bounds = { x: 2560, y: 0, width: 3840, height: 2160 };

describe('the wall window', () => {
  const wall = wallWindowOptions(preload, bounds, 'LG TV', '/app/assets/icon.png');
  const main = mainWindowOptions(preload, '/app/assets/icon.png');

  it('has every webPreference of the console window, unchanged', () => {
    // A flag added to or changed in the console window's hardening must reach wall windows too.
    const mainPrefs = main.webPreferences ?? {};
    expect(Object.keys(mainPrefs).length).toBeGreaterThan(5);
    for (const [key, value] of Object.entries(mainPrefs))
      expect(wall.webPreferences?.[key as keyof typeof mainPrefs], key).toEqual(value);
  });

  it('adds only backgroundThrottling: false to them', () => {
    const { backgroundThrottling, ...rest } = wall.webPreferences ?? {};
    expect(backgroundThrottling).toBe(false);
    expect(rest).toEqual(main.webPreferences);
  });

  it('is full-screen on its monitor, dark from the first frame, shown once painted', () => {
    expect(wall).toMatchObject({ ...bounds, fullscreen: true, show: false, title: 'Sitroom wall — LG TV' });
    expect(wall.backgroundColor).toBe(main.backgroundColor);
    expect(wall.backgroundColor).toMatch(/^#[0-3][0-9a-f]{5}$/i);
    expect(wall.minWidth).toBeUndefined();
    expect(wallWindowOptions(preload, bounds, '').title).toBe('Sitroom wall');
  });
});

describe('the Wall display menu', () => {
  const builtIn = {
    id: 1,
    label: 'Built-in Retina Display',
    bounds: { x: 0, y: 0, width: 1512, height: 982 },
  };
  const dell = { id: 2, label: 'DELL U2720Q', bounds: { x: 1512, y: 0, width: 2560, height: 1440 } };
  const displays = [builtIn, dell, { ...dell, id: 3, bounds: { ...dell.bounds, x: 4072 } }];
  const click = (item: MenuItemConstructorOptions | undefined): void => {
    if (typeof item?.click !== 'function') throw new Error(`${item?.label} has no click`);
    (item.click as () => void)();
  };
  const submenuOf = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
    Array.isArray(item?.submenu) ? item.submenu : [];
  const model = (walls: WallMenuModel['walls'] = []): WallMenuModel => ({
    displays,
    walls,
    makeWall: vi.fn(),
    setSound: vi.fn(),
    setDwell: vi.fn(),
    closeWalls: vi.fn(),
  });
  const wallSubmenu = (m: WallMenuModel): MenuItemConstructorOptions[] => {
    const view = appMenuTemplate({ isMac: false, isPackaged: true, walls: m }).find(
      (item) => item.label === 'View',
    );
    const items = view?.submenu as MenuItemConstructorOptions[];
    const wall = items.find((item) => item.label === 'Wall display');
    return wall?.submenu as MenuItemConstructorOptions[];
  };

  it('offers every view and rotation on every monitor, and picking one makes the wall', () => {
    const m = model();
    const items = wallSubmenu(m);
    expect(items.map((item) => item.label ?? item.type)).toEqual([
      'Make a wall on Built-in Retina Display (1512×982)',
      'Make a wall on DELL U2720Q (2560×1440) at 1512,0',
      'Make a wall on DELL U2720Q (2560×1440) at 4072,0',
      'separator',
      'Close walls',
    ]);
    const views = submenuOf(items[2]);
    expect(views.map((item) => [item.id ?? item.type, item.label])).toEqual([
      ['wall:3:board', 'Board'],
      ['wall:3:escalations', 'Escalations'],
      ['wall:3:map', 'Map'],
      ['wall:3:statistics', 'Statistics'],
      ['wall:3:rotate', 'Rotate all views'],
      [undefined, 'Show each view for'],
      ['separator', undefined],
      ['wall:3:sound:sev1', 'Sound the alarm for an unacknowledged SEV1'],
      ['wall:3:sound:sev2', 'Sound the alarm for an unacknowledged SEV2'],
    ]);
    // No wall on that monitor yet: nothing to rotate or sound.
    expect(views[5]?.enabled).toBe(false);
    expect(views[7]?.enabled).toBe(false);
    expect(views[8]?.enabled).toBe(false);
    click(views[4]);
    expect(m.makeWall).toHaveBeenCalledWith(3, 'rotate');
  });

  it('sets how long a rotating wall shows each view, ticking the current one (30 s unless chosen)', () => {
    const rotating = model([{ display: dell, view: 'board', rotate: ['board', 'map'] }]);
    const dwell = submenuOf(wallSubmenu(rotating)[1]).find((item) => item.label === 'Show each view for');
    expect(dwell?.enabled).toBe(true);
    const choices = submenuOf(dwell);
    expect(choices.filter((item) => item.checked).map((item) => item.label)).toEqual(['30 seconds']);
    click(choices.find((item) => item.label === '2 minutes'));
    expect(rotating.setDwell).toHaveBeenCalledWith(2, 120);

    const slow = model([{ display: dell, view: 'board', rotate: ['board', 'map'], dwellSeconds: 300 }]);
    const slowChoices = submenuOf(
      submenuOf(wallSubmenu(slow)[1]).find((item) => item.label === 'Show each view for'),
    );
    expect(slowChoices.filter((item) => item.checked).map((item) => item.label)).toEqual(['5 minutes']);
  });

  it('toggles the alarm sound per severity on a monitor that is a wall', () => {
    const quiet = model([{ display: dell, view: 'map' }]);
    const items = submenuOf(wallSubmenu(quiet)[1]);
    const sev1 = items.find((item) => item.id === 'wall:2:sound:sev1');
    expect(sev1).toMatchObject({ enabled: true, checked: false });
    click(sev1);
    expect(quiet.setSound).toHaveBeenCalledWith(2, 'sev1', true);

    const loud = model([{ display: dell, view: 'map', sound: ['sev1'] }]);
    const loudItems = submenuOf(wallSubmenu(loud)[1]);
    expect(loudItems.find((item) => item.id === 'wall:2:sound:sev1')?.checked).toBe(true);
    expect(loudItems.find((item) => item.id === 'wall:2:sound:sev2')?.checked).toBe(false);
    click(loudItems.find((item) => item.id === 'wall:2:sound:sev1'));
    expect(loud.setSound).toHaveBeenCalledWith(2, 'sev1', false);
  });

  it('ticks what a monitor shows, and closes walls only when there are some', () => {
    const m = model([{ display: dell, view: 'map' }]);
    const items = wallSubmenu(m);
    const ticked = (index: number): unknown[] =>
      submenuOf(items[index])
        .filter((item) => item.checked)
        .map((item) => item.label);
    expect(ticked(1)).toEqual(['Map']);
    expect(ticked(2)).toEqual([]);
    const close = items.at(-1);
    expect(close).toMatchObject({ id: 'wall:close', enabled: true, accelerator: 'CmdOrCtrl+Shift+W' });
    click(close);
    expect(m.closeWalls).toHaveBeenCalled();
    expect(wallSubmenu(model()).at(-1)?.enabled).toBe(false);
  });

  it('names a monitor without a label by its number', () => {
    const unnamed = { id: 9, label: '', bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
    expect(displayMenuName(unnamed, 1, [builtIn, unnamed])).toBe('Display 2 (1920×1080)');
  });

  it('is left out when the app has no walls to offer', () => {
    const view = appMenuTemplate({ isMac: false, isPackaged: true }).find((item) => item.label === 'View');
    expect(JSON.stringify(view)).not.toContain('Wall display');
  });
});
