import { describe, expect, it } from 'vitest';
import { notifyBody } from '../../../../server/catalog/notify-message';
import type { IncidentImpact } from '../../../../shared/impact/incident-impact';
import { applyEvents } from '../../../../shared/reducer';
import { incidentEvents } from '../../renderer/incident-fixtures';

// What a team receives: data plus a sentence for webhooks, the sentence alone for Slack — where
// untrusted alert text must not become a mention or a link.

const incident = applyEvents(
  {},
  incidentEvents(
    { id: 'INC-7', severity: 'sev1', title: 'Replication <!channel> lag & <http://evil|click>' },
    1,
  ),
)['INC-7'];
if (!incident) throw new Error('fixture incident missing');

const impact: IncidentImpact = {
  services: Array.from({ length: 7 }, (_, i) => ({
    id: `svc-${i}`,
    name: `Service ${i}`,
    team: 'payments',
    tier: 1,
    distance: 1,
  })),
  teams: [
    { id: 'data', name: 'Data', owner: true, notified: true, notifiedAt: 1_000 },
    { id: 'payments', name: 'Payments', owner: false, notified: true, notifiedAt: 1_000 },
  ],
};

describe('notify messages', () => {
  it('gives a webhook the incident, its impact and a sentence naming why the team is told', () => {
    const body = notifyBody('webhook', incident, impact, { id: 'payments', name: 'Payments' }) as {
      text: string;
      team: unknown;
      incident: { id: string; openedAt: string };
      impact: { incidentId: string; teams: Array<{ notifiedAt: string }> };
    };
    expect(body.team).toEqual({ id: 'payments', name: 'Payments' });
    expect(body.incident.id).toBe('INC-7');
    expect(body.incident.openedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body.impact.teams[0]?.notifiedAt).toBe('1970-01-01T00:00:01.000Z');
    expect(body.text.split('\n')).toEqual([
      '[SEV1] INC-7: Replication <!channel> lag & <http://evil|click>',
      'Failing: payments-db.',
      'Affects downstream: Service 0, Service 1, Service 2, Service 3, Service 4 and 2 more.',
      'Payments owns a service that depends on a failing one.',
    ]);
  });

  it('escapes Slack control characters in the text', () => {
    const body = notifyBody('slack', incident, impact, { id: 'data', name: 'Data' });
    expect(Object.keys(body as object)).toEqual(['text']);
    const { text } = body as { text: string };
    expect(text).toContain('Replication &lt;!channel&gt; lag &amp; &lt;http://evil|click&gt;');
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain('Data owns a failing service.');
  });
});
