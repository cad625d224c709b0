import type { SitroomApi } from '../../../shared/api';

/** A SitroomApi whose every call fails loudly, for tests to override only what they use. */
export function unusedApi(overrides: Partial<SitroomApi> = {}): SitroomApi {
  const unused = (name: string) => () => Promise.reject(new Error(`${name} is not used by this test`));
  return {
    subscribe: () => ({ setView: () => {}, close: () => {} }),
    hubInfo: unused('hubInfo'),
    playDemo: unused('playDemo'),
    session: unused('session'),
    signIn: unused('signIn'),
    signOut: unused('signOut'),
    people: unused('people'),
    incidentRecord: unused('incidentRecord'),
    incidentSilences: unused('incidentSilences'),
    sendCommand: unused('sendCommand'),
    dismissRejected: unused('dismissRejected'),
    exportTimeline: unused('exportTimeline'),
    escalations: unused('escalations'),
    catalog: unused('catalog'),
    serviceChanges: unused('serviceChanges'),
    statistics: unused('statistics'),
    notify: unused('notify'),
    ...overrides,
  };
}
