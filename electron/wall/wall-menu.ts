import type { MenuItemConstructorOptions } from 'electron';
import { ALARM_SEVERITIES, type AlarmSeverity, type WallConfig } from './wall-config';
import type { WallChoice } from './wall-manager';
import type { DisplayInfo } from './wall-plan';

/** What the "Wall display" menu shows and does; the WallManager behind it in the app. */
export interface WallMenuModel {
  readonly displays: ReadonlyArray<DisplayInfo>;
  readonly walls: ReadonlyArray<WallConfig>;
  makeWall(displayId: number, choice: WallChoice): void;
  setSound(displayId: number, severity: AlarmSeverity, on: boolean): void;
  setDwell(displayId: number, seconds: number): void;
  closeWalls(): void;
}

const CHOICES: ReadonlyArray<{ readonly choice: WallChoice; readonly label: string }> = [
  { choice: 'board', label: 'Board' },
  { choice: 'escalations', label: 'Escalations' },
  { choice: 'map', label: 'Map' },
  { choice: 'statistics', label: 'Statistics' },
  { choice: 'rotate', label: 'Rotate all views' },
];

/**
 * A monitor's name in the menu: its label and size, its position too when two monitors would
 * read the same (two of one model side by side).
 */
export function displayMenuName(
  display: DisplayInfo,
  index: number,
  all: ReadonlyArray<DisplayInfo>,
): string {
  const base = (d: DisplayInfo, i: number): string =>
    `${d.label === '' ? `Display ${i + 1}` : d.label} (${d.bounds.width}×${d.bounds.height})`;
  const name = base(display, index);
  const twins = all.filter((other, i) => base(other, i) === name).length;
  return twins > 1 ? `${name} at ${display.bounds.x},${display.bounds.y}` : name;
}

/** How long a rotating wall may show each view, from the menu (the renderer's default is 30 s). */
export const DWELL_CHOICES: ReadonlyArray<{ readonly seconds: number; readonly label: string }> = [
  { seconds: 15, label: '15 seconds' },
  { seconds: 30, label: '30 seconds' },
  { seconds: 60, label: '1 minute' },
  { seconds: 120, label: '2 minutes' },
  { seconds: 300, label: '5 minutes' },
];
const DEFAULT_DWELL_SECONDS = 30;

function currentChoice(wall: WallConfig | undefined): WallChoice | null {
  if (!wall) return null;
  return wall.rotate && wall.rotate.length > 1 ? 'rotate' : wall.view;
}

/**
 * The "Wall display" submenu: per monitor, "Make a wall on …" with the views (the wall's current
 * one ticked), then "Close walls". Menu ids (`wall:<display id>:<choice>`, `wall:close`) let the
 * Electron smoke test pick an item.
 */
export function wallMenu(model: WallMenuModel): MenuItemConstructorOptions {
  const perDisplay = model.displays.map((display, index): MenuItemConstructorOptions => {
    const wall = model.walls.find((saved) => saved.display.id === display.id);
    const current = currentChoice(wall);
    return {
      label: `Make a wall on ${displayMenuName(display, index, model.displays)}`,
      submenu: [
        ...CHOICES.map(
          ({ choice, label }): MenuItemConstructorOptions => ({
            id: `wall:${display.id}:${choice}`,
            label,
            type: 'checkbox',
            checked: current === choice,
            click: () => model.makeWall(display.id, choice),
          }),
        ),
        {
          label: 'Show each view for',
          enabled: current === 'rotate',
          submenu: DWELL_CHOICES.map(
            ({ seconds, label }): MenuItemConstructorOptions => ({
              id: `wall:${display.id}:dwell:${seconds}`,
              label,
              type: 'radio',
              checked: (wall?.dwellSeconds ?? DEFAULT_DWELL_SECONDS) === seconds,
              click: () => model.setDwell(display.id, seconds),
            }),
          ),
        },
        { type: 'separator' },
        ...ALARM_SEVERITIES.map((severity): MenuItemConstructorOptions => {
          const sounding = wall?.sound?.includes(severity) ?? false;
          return {
            id: `wall:${display.id}:sound:${severity}`,
            label: `Sound the alarm for an unacknowledged ${severity.toUpperCase()}`,
            type: 'checkbox',
            checked: sounding,
            enabled: wall !== undefined,
            click: () => model.setSound(display.id, severity, !sounding),
          };
        }),
      ],
    };
  });
  return {
    label: 'Wall display',
    submenu: [
      ...perDisplay,
      { type: 'separator' },
      {
        id: 'wall:close',
        label: 'Close walls',
        accelerator: 'CmdOrCtrl+Shift+W',
        enabled: model.walls.length > 0,
        click: () => model.closeWalls(),
      },
    ],
  };
}
