import { describe, expect, it } from 'vitest';
import { teamsNotInCatalog } from '../../../../renderer/filter/unknown-teams';

// An empty board names the teams its filter asks for that the catalog does not know.

const CATALOG = ['payments', 'identity', 'data-platform'];

describe('teams a filter names that the catalog does not know', () => {
  it('names a mistyped team, whatever its case, once', () => {
    expect(teamsNotInCatalog('team:paymnets sev:critical', CATALOG)).toEqual(['paymnets']);
    expect(teamsNotInCatalog('team:PAYMNETS,identity team:paymnets', CATALOG)).toEqual(['paymnets']);
  });

  it('says nothing of catalog teams, wildcards, teams left out, or without a catalog', () => {
    expect(teamsNotInCatalog('team:Payments', CATALOG)).toEqual([]);
    expect(teamsNotInCatalog('team:pay*', CATALOG)).toEqual([]);
    expect(teamsNotInCatalog('-team:paymnets', CATALOG)).toEqual([]);
    expect(teamsNotInCatalog('team:paymnets', [])).toEqual([]);
    expect(teamsNotInCatalog('team:', CATALOG)).toEqual([]);
  });
});
