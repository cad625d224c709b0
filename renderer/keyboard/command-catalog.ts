import { INCIDENT_ACTION_IDS, INCIDENT_ACTIONS } from '../incident/actions/action-catalog';
import type { KeyBinding, KeyContext } from './keymap';

// Every command whose keys the operator may change, with its default keys. The settings dialog
// lists them all, whether or not their view is on screen, so they are values here rather than
// whatever happens to be registered. Components bind to them by id (commandBinding) and the
// registry adds the operator's keys at key time. Keys that are the same in every application
// (arrows, Enter, Esc) are fixed: they keep working whatever the operator binds.

/** Where a command works; dialogs keep their own fixed keys. */
export type CommandContext = Exclude<KeyContext, 'dialog'>;

export interface CommandSpec {
  readonly id: string;
  readonly context: CommandContext;
  readonly description: string;
  /** The default keys the operator may replace. */
  readonly keys: ReadonlyArray<string>;
  /** Keys that always work besides. */
  readonly fixedKeys?: ReadonlyArray<string>;
}

const CONSOLE_COMMANDS = [
  {
    id: 'palette',
    context: 'global',
    description: 'Search incidents, actions, people and views',
    keys: ['Mod+k'],
  },
  { id: 'settings', context: 'global', description: 'Keyboard settings', keys: [','] },
  { id: 'cheat-sheet', context: 'global', description: 'Show the keys that work here', keys: ['?'] },
  // Views are "g" then a letter, so single letters stay free for actions.
  { id: 'view.board', context: 'global', description: 'Go to the board', keys: ['g b'] },
  { id: 'view.escalations', context: 'global', description: 'Go to the escalations', keys: ['g e'] },
  { id: 'view.map', context: 'global', description: 'Go to the dependency map', keys: ['g m'] },
  { id: 'view.statistics', context: 'global', description: 'Go to the statistics', keys: ['g s'] },
  { id: 'board.next', context: 'board', description: 'Next incident', keys: ['j'], fixedKeys: ['ArrowDown'] },
  {
    id: 'board.previous',
    context: 'board',
    description: 'Previous incident',
    keys: ['k'],
    fixedKeys: ['ArrowUp'],
  },
  { id: 'board.filter', context: 'board', description: 'Filter the board', keys: ['/'] },
  {
    id: 'board.open',
    context: 'board',
    description: 'Open the selected incident',
    keys: [],
    fixedKeys: ['Enter'],
  },
  {
    id: 'incident.back',
    context: 'incident',
    description: 'Back to the board',
    keys: [],
    fixedKeys: ['Escape'],
  },
  { id: 'incident.export', context: 'incident', description: 'Export timeline', keys: ['x'] },
  { id: 'map.find', context: 'map', description: 'Find a service', keys: ['/'] },
  {
    id: 'map.focus',
    context: 'map',
    description: 'Show only the selected service and its neighbours',
    keys: ['f'],
  },
  { id: 'map.wider', context: 'map', description: 'Focus: one more hop', keys: ['+'] },
  { id: 'map.narrower', context: 'map', description: 'Focus: one hop fewer', keys: ['-'] },
  { id: 'statistics.range-next', context: 'statistics', description: 'Longer range', keys: [']'] },
  {
    id: 'statistics.range-previous',
    context: 'statistics',
    description: 'Shorter range',
    keys: ['['],
  },
  { id: 'statistics.custom', context: 'statistics', description: 'Custom range: choose dates', keys: ['c'] },
  { id: 'statistics.bucket', context: 'statistics', description: 'By day or by week', keys: ['b'] },
  { id: 'statistics.refresh', context: 'statistics', description: 'Refresh from the hub', keys: ['r'] },
] as const satisfies ReadonlyArray<CommandSpec>;

type IncidentActionCommandId = `incident.${(typeof INCIDENT_ACTION_IDS)[number]}`;

export type CommandId = (typeof CONSOLE_COMMANDS)[number]['id'] | IncidentActionCommandId;

/** The command id of an incident action ("incident.acknowledge"). */
export const incidentActionCommand = (id: (typeof INCIDENT_ACTION_IDS)[number]): IncidentActionCommandId =>
  `incident.${id}`;

const INCIDENT_ACTION_COMMANDS: ReadonlyArray<CommandSpec> = INCIDENT_ACTION_IDS.map((id) => ({
  id: incidentActionCommand(id),
  context: 'incident',
  description: INCIDENT_ACTIONS[id].label,
  keys: [INCIDENT_ACTIONS[id].key],
}));

/** Every rebindable command, in the order the settings dialog lists them. */
export const COMMANDS: ReadonlyArray<CommandSpec> = [
  ...CONSOLE_COMMANDS.filter((spec) => spec.context === 'global'),
  ...CONSOLE_COMMANDS.filter((spec) => spec.context === 'board'),
  ...CONSOLE_COMMANDS.filter((spec) => spec.id === 'incident.back'),
  ...INCIDENT_ACTION_COMMANDS,
  ...CONSOLE_COMMANDS.filter((spec) => spec.id === 'incident.export'),
  ...CONSOLE_COMMANDS.filter((spec) => spec.context === 'map'),
  ...CONSOLE_COMMANDS.filter((spec) => spec.context === 'statistics'),
];

const BY_ID: ReadonlyMap<string, CommandSpec> = new Map(COMMANDS.map((spec) => [spec.id, spec]));

/** The spec of a command id, or undefined for an id this console does not know (old storage). */
export const commandSpec = (id: string): CommandSpec | undefined => BY_ID.get(id);

/** A binding that runs catalog command `id`; the registry adds the operator's keys for it. */
export function commandBinding(
  id: CommandId,
  run: () => void,
  extra: Partial<Pick<KeyBinding, 'whileTyping' | 'repeat' | 'disabledReason' | 'description'>> = {},
): KeyBinding {
  const spec = BY_ID.get(id);
  return {
    command: id,
    keys: spec?.fixedKeys ?? [],
    description: spec?.description ?? id,
    run,
    ...extra,
  };
}
