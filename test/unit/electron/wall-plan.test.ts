import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/security/app-origin';
import { isNavigationAllowed } from '../../../electron/security/navigation-policy';
import type { KeyValueStore } from '../../../electron/store/key-value-store';
import { openStore } from '../../../electron/store/open-store';
import { readSettings, readWalls, saveWalls } from '../../../electron/store/settings';
import { parseSavedWalls, type WallConfig } from '../../../electron/wall/wall-config';
import { type DisplayInfo, planWalls } from '../../../electron/wall/wall-plan';
import { wallUrl } from '../../../electron/wall/wall-url';
import { readWallSettings } from '../../../renderer/wall/wall-settings';

const left: DisplayInfo = { id: 11, label: 'DELL U2720Q', bounds: { x: 0, y: 0, width: 2560, height: 1440 } };
const right: DisplayInfo = {
  id: 12,
  label: 'DELL U2720Q',
  bounds: { x: 2560, y: 0, width: 2560, height: 1440 },
};
const tv: DisplayInfo = { id: 13, label: 'LG TV', bounds: { x: 5120, y: 0, width: 3840, height: 2160 } };

const wallOn = (display: DisplayInfo, extra: Partial<WallConfig> = {}): WallConfig => ({
  display: { id: display.id, label: display.label, bounds: { ...display.bounds } },
  view: 'board',
  ...extra,
});

describe('the wall plan', () => {
  it('opens each wall full-screen on the monitor with its id, at that monitor’s bounds', () => {
    const plan = planWalls([wallOn(left), wallOn(tv, { view: 'map' })], [left, right, tv]);
    expect(plan.open.map((planned) => [planned.wall.display.id, planned.matchedBy, planned.bounds])).toEqual([
      [11, 'id', left.bounds],
      [13, 'id', tv.bounds],
    ]);
    expect(plan.open[1]?.url).toBe('sitroom://console/index.html?wall=1&view=map');
    expect(plan.waiting).toEqual([]);
    expect(plan.changed).toBe(false);
  });

  it('finds monitors by position when their ids were renumbered (two of one model, swapped)', () => {
    const saved = [wallOn(left, { view: 'board' }), wallOn(right, { view: 'escalations' })];
    // After a reboot the ids are swapped; the labels are the same model and cannot tell them apart.
    const now = [
      { ...left, id: 12 },
      { ...right, id: 11 },
    ];
    const plan = planWalls(saved, now);
    expect(
      plan.open.map((planned) => [planned.wall.view, planned.wall.display.id, planned.matchedBy]),
    ).toEqual([
      ['board', 12, 'bounds'],
      ['escalations', 11, 'bounds'],
    ]);
    // The refreshed ids are saved, so the next start matches by id again.
    expect(plan.changed).toBe(true);
    expect(plan.walls.map((wall) => wall.display.id)).toEqual([12, 11]);
    expect(planWalls(plan.walls, now).changed).toBe(false);
  });

  it('keeps each wall on its own monitor when two different models of one size swap places', () => {
    const dell: DisplayInfo = {
      id: 21,
      label: 'DELL P2422H',
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    };
    const lg: DisplayInfo = {
      id: 22,
      label: 'LG 24MK600',
      bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
    };
    const saved = [wallOn(dell, { view: 'board' }), wallOn(lg, { view: 'map' })];
    const swapped = [
      { ...dell, bounds: lg.bounds },
      { ...lg, bounds: dell.bounds },
    ];
    const plan = planWalls(saved, swapped);
    expect(
      plan.open.map((planned) => [planned.wall.view, planned.wall.display.label, planned.matchedBy]),
    ).toEqual([
      ['board', 'DELL P2422H', 'id-moved'],
      ['map', 'LG 24MK600', 'id-moved'],
    ]);
    expect(plan.open[0]?.bounds).toEqual(lg.bounds);
  });

  it('follows a monitor by id when its resolution changed, and refreshes the saved bounds', () => {
    const smaller = { ...tv, bounds: { ...tv.bounds, width: 1920, height: 1080 } };
    const plan = planWalls([wallOn(tv)], [left, smaller]);
    expect(plan.open[0]).toMatchObject({ matchedBy: 'id-moved', bounds: smaller.bounds });
    expect(plan.walls[0]?.display.bounds).toEqual(smaller.bounds);
  });

  it('finds a monitor by its label when both id and place changed, but only when unambiguous', () => {
    const moved = { ...tv, id: 99, bounds: { ...tv.bounds, x: -3840 } };
    expect(planWalls([wallOn(tv)], [left, moved]).open[0]).toMatchObject({ matchedBy: 'label' });
    // Two monitors of one model moved and renumbered: no guessing which is which.
    const a = { ...left, id: 50, bounds: { ...left.bounds, y: 1440 } };
    const b = { ...right, id: 51, bounds: { ...right.bounds, y: 1440 } };
    const plan = planWalls([wallOn(left), wallOn(right)], [a, b]);
    expect(plan.open).toEqual([]);
    expect(plan.waiting).toHaveLength(2);
  });

  it('keeps a wall whose monitor is absent, unopened, and opens it when the monitor is back', () => {
    const saved = [wallOn(left), wallOn(tv, { view: 'statistics' })];
    const unplugged = planWalls(saved, [left, right]);
    expect(unplugged.open.map((planned) => planned.wall.display.id)).toEqual([11]);
    expect(unplugged.waiting).toEqual([saved[1]]);
    expect(unplugged.walls).toEqual(saved);
    expect(unplugged.changed).toBe(false);
    const back = planWalls(unplugged.walls, [left, right, tv]);
    expect(back.open.map((planned) => planned.wall.view)).toEqual(['board', 'statistics']);
  });

  it('gives a monitor to one wall only', () => {
    const plan = planWalls(
      [wallOn(left), { ...wallOn(left), display: { ...wallOn(left).display, id: 77 } }],
      [left],
    );
    expect(plan.open).toHaveLength(1);
    expect(plan.waiting).toHaveLength(1);
  });

  it('opens nothing when nothing is saved', () => {
    expect(planWalls([], [left, right])).toEqual({ open: [], waiting: [], walls: [], changed: false });
  });
});

describe('the wall URL', () => {
  it('is the console page with the wall query, still on the app origin', () => {
    const url = wallUrl({ view: 'escalations' });
    expect(url).toBe('sitroom://console/index.html?wall=1&view=escalations');
    expect(isAppUrl(url)).toBe(true);
    expect(isNavigationAllowed(url)).toBe(true);
  });

  it('carries rotate and dwell, encoded, and they read back as the renderer reads them', () => {
    const url = wallUrl({ view: 'board', rotate: ['board', 'map', 'statistics'], dwellSeconds: 45 });
    const query = new URL(url).searchParams;
    expect(query.get('wall')).toBe('1');
    expect(query.get('view')).toBe('board');
    expect(query.get('rotate')?.split(',')).toEqual(['board', 'map', 'statistics']);
    expect(query.get('dwell')).toBe('45');
    expect(url).toContain('rotate=board%2Cmap%2Cstatistics');
    expect(url).not.toMatch(/[ <>"]/);
  });

  it('carries the alarm sound, and the renderer reads every setting back as saved', () => {
    const url = wallUrl({ view: 'map', rotate: ['board'], dwellSeconds: 20, sound: ['sev1', 'sev2'] });
    expect(readWallSettings(new URL(url).search)).toEqual({
      views: ['map', 'board'],
      dwellMs: 20_000,
      sound: ['sev1', 'sev2'],
      scale: null,
      problems: [],
    });
  });
});

describe('saved walls', () => {
  let logs: string[];
  const log = (message: string): void => {
    logs.push(message);
  };
  beforeEach(() => {
    logs = [];
  });

  it('drops a corrupt entry with a log line and keeps the others', () => {
    const good = wallOn(left, { rotate: ['board', 'map'], dwellSeconds: 30 });
    const raw = [
      good,
      { display: { id: 'twelve', label: 'x', bounds: right.bounds }, view: 'board' },
      { ...wallOn(tv), view: 'casino' },
      { ...wallOn(tv), rotate: ['map', 'map'] },
      { ...wallOn(tv), dwellSeconds: 0 },
      null,
      'wall',
      wallOn(tv, { view: 'map' }),
    ];
    expect(parseSavedWalls(raw, log)).toEqual([good, wallOn(tv, { view: 'map' })]);
    expect(logs).toHaveLength(6);
    expect(logs[0]).toMatch(/wall display #2: invalid display\.id/);
    expect(logs[1]).toMatch(/#3: invalid view/);
  });

  it('drops a second wall for the same display', () => {
    expect(parseSavedWalls([wallOn(left), wallOn(left, { view: 'map' })], log)).toEqual([wallOn(left)]);
    expect(logs).toEqual([expect.stringMatching(/#2: display 11 already has a wall/)]);
  });

  it('treats a saved value that is not a list as no walls', () => {
    expect(parseSavedWalls({ walls: 1 }, log)).toEqual([]);
    expect(parseSavedWalls(undefined, log)).toEqual([]);
    expect(logs).toEqual(['ignoring the saved wall displays: not a list']);
  });

  describe('in settings.json', () => {
    let dir: string;
    const open = (): KeyValueStore =>
      openStore({
        create: () =>
          new Conf<Record<string, unknown>>({
            cwd: dir,
            configName: 'settings',
            projectName: 'sitroom-test',
          }),
        path: path.join(dir, 'settings.json'),
        log,
      });
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'sitroom-walls-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('survive a restart, apart from the hub settings', () => {
      const walls = [wallOn(left), wallOn(tv, { rotate: ['board', 'escalations'], dwellSeconds: 20 })];
      const first = open();
      first.set('settings', { hubUrl: 'https://hub.example:7420/' });
      saveWalls(first, walls);
      expect(readWalls(open(), log)).toEqual(walls);
      saveWalls(first, []);
      expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual({
        settings: { hubUrl: 'https://hub.example:7420/' },
      });
    });

    it('a corrupt wall entry written by hand costs neither the start nor the hub URL', () => {
      writeFileSync(
        path.join(dir, 'settings.json'),
        JSON.stringify({
          settings: { hubUrl: 'https://hub.example:7420/' },
          walls: [{ display: { id: 1 } }, wallOn(tv)],
        }),
      );
      const store = open();
      expect(readWalls(store, log)).toEqual([wallOn(tv)]);
      expect(readSettings(store, log)).toEqual({ hubUrl: 'https://hub.example:7420/' });
      expect(logs).toEqual([expect.stringMatching(/ignoring saved wall display #1/)]);
    });
  });
});
