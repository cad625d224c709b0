import { describe, expect, it } from 'vitest';
import { stepMatcher } from '../../../../renderer/incident/runbook-steps';

describe('stepMatcher', () => {
  it('pairs checklist items with the hub’s steps by text, repeats in order', () => {
    const match = stepMatcher([
      { id: 'page-the-dba-on-call', text: 'Page the DBA on call' },
      { id: 'promote-pg-pay-02', text: 'Promote pg-pay-02' },
      { id: 'page-the-dba-on-call-2', text: 'Page the DBA on call' },
    ]);
    expect(match('Page the DBA on call')?.id).toBe('page-the-dba-on-call');
    expect(match('Promote pg-pay-02 ')?.id).toBe('promote-pg-pay-02');
    expect(match('Page the DBA on call')?.id).toBe('page-the-dba-on-call-2');
    expect(match('Page the DBA on call')).toBeNull();
    expect(match('Not a step the hub knows')).toBeNull();
  });
});
