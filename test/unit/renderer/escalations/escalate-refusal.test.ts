import { describe, expect, it } from 'vitest';
import { escalateRefusal } from '../../../../renderer/escalations/use-escalate';

describe('who may press "Escalate now"', () => {
  it('is an operator or above', () => {
    expect(escalateRefusal('operator')).toBeNull();
    expect(escalateRefusal('commander')).toBeNull();
    expect(escalateRefusal('admin')).toBeNull();
  });

  it('is not a viewer, who is told why', () => {
    expect(escalateRefusal('viewer')).toBe('Escalate needs the operator role; you are signed in as viewer.');
  });
});
