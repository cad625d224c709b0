import { describe, expect, it } from 'vitest';
import {
  alertmanagerReceiverSnippet,
  pagerdutyInstructions,
} from '../../../../renderer/empty/ingest-snippets';
import type { HubInfo } from '../../../../shared/protocol';

const hub: HubInfo = {
  hubId: 'hub-1',
  consoleUrl: 'http://127.0.0.1:7420/',
  ingest: {
    alertmanager: 'http://127.0.0.1:7420/api/v1/ingest/alertmanager',
    pagerduty: 'http://127.0.0.1:7420/api/v1/ingest/pagerduty',
    pagerdutyEnqueue: 'http://127.0.0.1:7420/v2/enqueue',
  },
  openMode: true,
  demoRunning: false,
  demoAvailable: true,
};

describe('alertmanagerReceiverSnippet', () => {
  it('points a webhook receiver at this hub and asks for resolutions too', () => {
    const snippet = alertmanagerReceiverSnippet(hub);
    expect(snippet).toContain(
      '      - url: http://127.0.0.1:7420/api/v1/ingest/alertmanager\n        send_resolved: true',
    );
    expect(snippet).not.toContain('authorization');
  });

  it('asks for credentials when the hub requires ingest tokens', () => {
    const snippet = alertmanagerReceiverSnippet({ ...hub, openMode: false });
    expect(snippet).toMatch(/http_config:\n\s+authorization:\n\s+credentials: /);
  });
});

describe('pagerdutyInstructions', () => {
  it('says which routing_key to use in each mode', () => {
    expect(pagerdutyInstructions(hub)).toMatch(/open local mode/);
    expect(pagerdutyInstructions({ ...hub, openMode: false })).toMatch(/integrations\.yaml/);
  });
});
