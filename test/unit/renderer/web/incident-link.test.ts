import { describe, expect, it } from 'vitest';
import { incidentFromAddress } from '../../../../renderer/web/incident-link';

describe('incidentFromAddress', () => {
  it('reads the incident a message links to and gives the address without it', () => {
    expect(incidentFromAddress('https://noc.example.org/?incident=INC-4#token=abc')).toEqual({
      incidentId: 'INC-4',
      cleanUrl: 'https://noc.example.org/#token=abc',
    });
  });

  it.each([
    'https://noc.example.org/',
    'https://noc.example.org/?incident=',
    'https://noc.example.org/?incident=%3Cscript%3E',
    'https://noc.example.org/?incident=../../api',
  ])('ignores %s', (href) => {
    expect(incidentFromAddress(href)).toBeNull();
  });
});
