import { describe, expect, it } from 'vitest';
import type { KeyBinding } from '../../../../renderer/keyboard/keymap';
import {
  bindingItems,
  incidentItems,
  type PaletteItem,
  personItems,
  serviceItems,
} from '../../../../renderer/palette/palette-items';
import { rankPalette } from '../../../../renderer/palette/rank-palette';
import { row } from '../incident-fixtures';

const run = (): void => {};
const binding = (description: string, keys: string[], extra: Partial<KeyBinding> = {}): KeyBinding => ({
  description,
  keys,
  run,
  ...extra,
});

const diskFull = { ...row({ id: 'INC-4', title: 'Disk full on db-2' }), services: ['payments-db'] };
const checkout = {
  ...row({ id: 'INC-7', title: 'Checkout errors' }),
  services: ['checkout', 'payments-api'],
};
const items: ReadonlyArray<PaletteItem> = [
  ...bindingItems([
    binding('Acknowledge', ['a'], { command: 'incident.acknowledge' }),
    binding('Resolve (needs commander)', ['r'], {
      command: 'incident.resolve',
      disabledReason: 'Resolve needs the commander role; you are signed in as operator.',
    }),
    binding('Search incidents, actions, people and views', ['Mod+k'], { command: 'palette' }),
    binding('Go to the board', ['g b'], { command: 'view.board' }),
    binding('Go to the escalations', ['g e'], { command: 'view.escalations' }),
  ]),
  ...incidentItems([diskFull, checkout], run),
  ...serviceItems([diskFull, checkout], run),
  ...personItems([{ id: 'dana', name: 'Dana Reyes', role: 'commander' }], true),
];
const labels = (query: string): ReadonlyArray<string> =>
  rankPalette(items, query).items.map((item) => item.label);

describe('the palette items', () => {
  it('sorts the keymap into actions and views, with their keys and refusals, leaving out itself', () => {
    const actions = items.filter((item) => item.kind === 'action');
    expect(actions.map((item) => [item.label, item.keys])).toEqual([
      ['Acknowledge', ['a']],
      ['Resolve (needs commander)', ['r']],
    ]);
    expect(actions[1]?.disabledReason).toContain('needs the commander role');
    expect(items.filter((item) => item.kind === 'view').map((item) => item.keys)).toEqual([['g b'], ['g e']]);
  });

  it('lists each service of the open incidents once, going to its first incident', () => {
    const services = items.filter((item) => item.kind === 'service');
    expect(services.map((item) => item.label)).toEqual(['payments-db', 'checkout', 'payments-api']);
    expect(services[0]?.detail).toBe('1 open incident; goes to INC-4');
  });
});

describe('rankPalette', () => {
  it('puts the best match first and keeps each kind together, the best group leading', () => {
    const results = rankPalette(items, 'checkout');
    expect(results.groups.map((group) => group.heading)).toEqual(['Services', 'Incidents']);
    expect(results.items[0]?.label).toBe('checkout');
  });

  it('finds an incident by part of its title, its id or its services', () => {
    expect(labels('disk full')[0]).toBe('INC-4 Disk full on db-2');
    expect(labels('inc-7')[0]).toBe('INC-7 Checkout errors');
    expect(labels('payments-api')).toContain('INC-7 Checkout errors');
  });

  it('finds actions and views by their names, people by name', () => {
    expect(labels('ack')[0]).toBe('Acknowledge');
    expect(labels('esc')[0]).toBe('Go to the escalations');
    expect(labels('dana')).toEqual(['Dana Reyes']);
  });

  it('shows the first few of every kind when nothing is typed, in catalog order', () => {
    const results = rankPalette(items, '');
    expect(results.groups.map((group) => group.heading)).toEqual([
      'Actions',
      'Views',
      'Incidents',
      'Services',
      'People',
    ]);
  });

  it('caps the results so that typing stays instant on a long board', () => {
    const many = incidentItems(
      Array.from({ length: 3000 }, (_, index) => row({ id: `INC-${index}`, title: `Disk full ${index}` })),
      run,
    );
    const started = performance.now();
    const results = rankPalette(many, 'disk');
    expect(performance.now() - started).toBeLessThan(500);
    expect(results.items).toHaveLength(50);
    expect(rankPalette(many, '').items).toHaveLength(6);
  });
});
