import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, sendCommand, sendOverSocket } from '../support/commands';
import { connectConsole, type RawConsole } from '../support/console-socket';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// Commands against the real hub, in open local mode (everyone is admin): idempotency, conflicts,
// and every action appearing on other consoles with its actor. Roles are tested with users.yaml.

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;

let hub: RunningHub;
let watcher: RawConsole;
/** The seq the watcher's snapshot was taken at; live events up to it may arrive again and are skipped. */
let startSeq = 0;
beforeEach(async () => {
  hub = await startHub();
  await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
  await postJson(`${hub.url}/api/v1/ingest/alertmanager`, { ...firing, groupKey: 'second-group' });
  watcher = await connectConsole(hub.url);
  const start = await watcher.hello({ clientId: 'watcher', hubId: null, lastSeq: 0 });
  startSeq = start.kind === 'snapshot' ? start.snapshot.seq : 0;
});
afterEach(async () => {
  watcher.close();
  await hub.kill();
});

async function timeline(id: string): Promise<Array<{ seq: number; type: string; actor: string }>> {
  const detail = (await (await hub.api(`/api/v1/incidents/${id}`)).json()) as {
    timeline: Array<{ seq: number; type: string; actor: string }>;
  };
  return detail.timeline;
}

describe('commands', () => {
  it('records an acknowledgement once, however often the same commandId is sent', async () => {
    const ack = command('acknowledge', 'INC-1');
    const first = await sendCommand(hub.url, ack);
    expect(first).toEqual({ status: 200, answer: { ok: true, seq: 7 } });
    const replayHttp = await sendCommand(hub.url, ack);
    const replaySocket = await sendOverSocket(watcher, ack);
    expect(replayHttp.answer).toEqual({ ok: true, seq: 7 });
    expect(replaySocket).toEqual({ ok: true, seq: 7 });
    const acks = (await timeline('INC-1')).filter((entry) => entry.type === 'incident_acknowledged');
    expect(acks).toEqual([expect.objectContaining({ seq: 7, actor: 'user:local' })]);
  });

  it('gives a racing replay of the same commandId the same single answer', async () => {
    const note = command('add_note', 'INC-1', { text: 'Failing over to pg-1' });
    const answers = await Promise.all([
      sendCommand(hub.url, note),
      sendOverSocket(watcher, note),
      sendCommand(hub.url, note),
    ]);
    expect(new Set(answers.map((a) => JSON.stringify('answer' in a ? a.answer : a))).size).toBe(1);
    expect((await timeline('INC-1')).filter((entry) => entry.type === 'note_added')).toHaveLength(1);
  });

  it('streams each action to other consoles with its actor', async () => {
    await sendCommand(hub.url, command('assign_commander', 'INC-1', { userId: 'dana' }));
    await sendCommand(hub.url, command('set_status', 'INC-1', { status: 'identified' }));
    await watcher.waitForSeq(startSeq + 2);
    const fresh = watcher.live.filter((event) => event.seq > startSeq);
    expect(fresh.map((event) => [event.type, event.actor])).toEqual([
      ['commander_assigned', { kind: 'user', id: 'local' }],
      ['status_changed', { kind: 'user', id: 'local' }],
    ]);
  });

  it('refuses to acknowledge a resolved incident and says who resolved it, when', async () => {
    const resolve = await sendCommand(hub.url, command('set_status', 'INC-1', { status: 'resolved' }));
    expect(resolve.answer.ok).toBe(true);
    const late = await sendCommand(hub.url, command('acknowledge', 'INC-1'));
    expect(late.status).toBe(409);
    expect(late.answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!late.answer.ok)
      expect(late.answer.error.message).toMatch(
        /^INC-1 was already resolved by Local operator at \d\d:\d\d:\d\d UTC\.$/,
      );
  });

  it('keeps resolution with people once a person is involved', async () => {
    await sendCommand(hub.url, command('acknowledge', 'INC-1'));
    const resolved = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-resolved.json'), 'utf8'));
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, resolved);
    const incident = (await (await hub.api(`/api/v1/incidents/INC-1`)).json()) as Record<string, unknown>;
    expect(incident).toMatchObject({ status: 'investigating', firingCount: 0 });
  });

  it('merges one incident into another: alerts move, later alerts of the group follow', async () => {
    const merge = await sendCommand(hub.url, command('merge', 'INC-2', { intoIncidentId: 'INC-1' }));
    expect(merge.answer.ok).toBe(true);
    const target = (await (await hub.api(`/api/v1/incidents/INC-1`)).json()) as {
      alertCount: number;
    };
    const source = (await (await hub.api(`/api/v1/incidents/INC-2`)).json()) as { status: string };
    expect(source.status).toBe('resolved');
    expect(target.alertCount).toBe(2); // same fingerprints in both groups
    const extra = {
      ...firing,
      groupKey: 'second-group',
      alerts: [{ ...(firing.alerts as object[])[0], fingerprint: 'new-one' }],
    };
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, extra);
    const after = (await (await hub.api(`/api/v1/incidents/INC-1`)).json()) as { alertCount: number };
    expect(after.alertCount).toBe(3);
    expect(
      ((await (await hub.api(`/api/v1/incidents?status=all`)).json()) as { incidents: unknown[] }).incidents,
    ).toHaveLength(2);
  });

  it('answers invalid bodies and unknown incidents with typed rejections', async () => {
    const invalid = await sendCommand(hub.url, {
      commandId: 'nope',
      type: 'acknowledge',
      incidentId: 'INC-1',
    });
    expect(invalid).toMatchObject({ status: 400, answer: { ok: false, error: { code: 'invalid' } } });
    if (!invalid.answer.ok) expect(invalid.answer.error.message).toMatch(/^commandId: /);
    const missing = await sendCommand(hub.url, command('acknowledge', 'INC-404'));
    expect(missing).toMatchObject({
      status: 404,
      answer: { ok: false, error: { code: 'not_found', message: 'There is no incident INC-404.' } },
    });
    const badSeverity = await sendOverSocket(watcher, command('set_severity', 'INC-1', { severity: 'sev9' }));
    expect(badSeverity).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('survives a crash: a replay after restart still gets the first answer', async () => {
    const ack = command('acknowledge', 'INC-1');
    const first = await sendCommand(hub.url, ack);
    const { dataDir } = hub;
    watcher.close();
    await hub.kill('SIGKILL');
    hub = await startHub({ dataDir });
    watcher = await connectConsole(hub.url);
    const replay = await sendCommand(hub.url, ack);
    expect(replay.answer).toEqual(first.answer);
    expect((await timeline('INC-1')).filter((entry) => entry.type === 'incident_acknowledged')).toHaveLength(
      1,
    );
  });
});
