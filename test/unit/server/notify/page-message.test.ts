import { describe, expect, it } from 'vitest';
import { pageBody } from '../../../../server/notify/page-message';
import type { Incident } from '../../../../shared/domain';
import type { EscalationLevelPaged } from '../../../../shared/events';
import { applyEvents } from '../../../../shared/reducer';
import { numbered, opened } from '../../../support/fixtures';

// What a paged person or team reads. Alert titles are untrusted: Slack must not turn one into a
// mention of the whole channel or a disguised link.

const hostile = '<!channel> DB down & <https://evil.example|click>';
const incident = {
  ...(applyEvents({}, numbered([opened('INC-7', 'sev1')]))['INC-7'] as Incident),
  title: hostile,
};
const page: EscalationLevelPaged = {
  seq: 9,
  at: Date.parse('2026-01-05T10:00:00Z'),
  actor: { kind: 'system' },
  incidentId: 'INC-7',
  type: 'escalation_level_paged',
  level: 2,
  cycle: 1,
  targets: ['dana'],
  teams: ['sre'],
  dueNext: null,
};
const people = [{ id: 'dana', name: 'Dana Reyes' }];

describe('pageBody', () => {
  it('gives a generic webhook the incident, the level, who is paged and a sentence', () => {
    expect(pageBody('webhook', incident, page, people)).toEqual({
      incident: expect.objectContaining({ id: 'INC-7', severity: 'sev1', title: hostile }),
      level: 2,
      cycle: 1,
      paged: people,
      teams: ['sre'],
      dueNext: null,
      text: `[SEV1] INC-7: ${hostile}. Escalation level 2 (repeat 1) pages Dana Reyes and team sre. Acknowledge it in Sitroom.`,
    });
  });

  it('gives Slack {text} with its control characters escaped', () => {
    const body = pageBody('slack', incident, page, people) as { text: string };
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text).toContain('&lt;!channel&gt; DB down &amp; &lt;https://evil.example|click&gt;');
    expect(body.text).not.toMatch(/<|>/);
  });
});
