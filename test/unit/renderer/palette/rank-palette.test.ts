import { describe, expect, it } from 'vitest';
import type { KeyBinding } from '../../../../renderer/keyboard/keymap';
import {
  bindingItems,
  incidentItems,
  type PaletteItem,
  personItems,
  selectedIncidentItems,
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

describe('actions on the incident selected on the board', () => {
  const selected = {
    ...row({ id: 'INC-9', title: 'Resolver timeouts on edge DNS' }),
    services: ['dns'],
  };
  const ackStorm = row({ id: 'INC-12', title: 'Ack storm from the escalation bridge' });
  const mail = {
    ...row({ id: 'INC-14', title: 'Bounces' }),
    services: ['notification-service', 'escrow'],
  };
  const keysOf = (id: string): string[] => [{ acknowledge: 'a', escalate: 'e', resolve: 'r' }[id] ?? '?'];
  const onBoard = (role: 'operator' | 'commander' | 'viewer'): ReadonlyArray<PaletteItem> => [
    ...selectedIncidentItems(selected, role, keysOf),
    ...bindingItems([binding('Go to the escalations', ['g e'], { command: 'view.escalations' })]),
    ...incidentItems([ackStorm, selected, mail], run),
    ...serviceItems([mail], run),
  ];
  const top = (role: 'operator' | 'commander' | 'viewer', query: string) =>
    rankPalette(onBoard(role), query).items[0];

  it('ranks the action first for its word, over incidents and views that match it too, with its key', () => {
    expect(top('operator', 'ack')).toMatchObject({
      label: 'Acknowledge',
      keys: ['a'],
      detail: 'INC-9 Resolver timeouts on edge DNS',
    });
    expect(top('operator', 'esc')).toMatchObject({ label: 'Escalate', keys: ['e'] });
    // A service whose name the word starts ranks higher by the letters alone.
    expect(top('commander', 'notify')).toMatchObject({ label: 'Notify impacted teams', keys: ['?'] });
    expect(top('commander', 'resolve')).toMatchObject({
      label: 'Resolve',
      keys: ['r'],
      disabledReason: null,
    });
    const res = rankPalette(onBoard('commander'), 'res').items.map((item) => item.label);
    expect(res.slice(0, 2)).toEqual(['Resolve', 'Responders']);
    expect(res).toContain('INC-9 Resolver timeouts on edge DNS');
  });

  it('says why not when the role cannot do it', () => {
    expect(top('operator', 'resolve')).toMatchObject({
      label: 'Resolve',
      disabledReason: 'Resolve needs the commander role; you are signed in as operator.',
    });
    expect(top('viewer', 'ack')?.disabledReason).toContain('needs the operator role');
  });

  it('leaves one letter and other queries to the ordinary ranking', () => {
    expect(top('operator', 'inc-12')?.label).toBe('INC-12 Ack storm from the escalation bridge');
    expect(rankPalette(onBoard('operator'), 'storm').items[0]?.kind).toBe('incident');
  });

  it('offers nothing an incident in its state cannot have', () => {
    const labelsOf = (items: ReadonlyArray<PaletteItem>) => items.map((item) => item.label);
    const resolved = { ...selected, status: 'resolved' as const, resolvedAt: 1 };
    expect(labelsOf(selectedIncidentItems(resolved, 'commander', keysOf))).toContain('Reopen');
    expect(labelsOf(selectedIncidentItems(resolved, 'commander', keysOf))).not.toContain('Resolve');
    expect(labelsOf(selectedIncidentItems(selected, 'commander', keysOf))).not.toContain('Reopen');
  });
});
