import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, sendCommand } from '../support/commands';
import { copyOfValidConfig } from '../support/config-folder';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// A refusal is read by an operator, who knows people by the names in users.yaml ("Dana Reyes"),
// not by their ids ("dana"): the real hub, with the example users, words each refusal that
// names a person. An id nobody in users.yaml has stays as it is: there is no other name for it.

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as object;
const promAuth = { authorization: 'Bearer prom-dc1-token' };

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ args: ['--config-dir', copyOfValidConfig()] });
  expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing, promAuth)).status).toBe(200);
});
afterAll(async () => {
  await hub.kill();
});

/** Sends a command as `who` and returns the refusal's sentence (or fails if it was done). */
async function refusal(who: string, type: string, fields: Record<string, unknown> = {}): Promise<string> {
  const { answer } = await sendCommand(hub.url, command(type, 'INC-1', fields), `${who}-token`);
  if (answer.ok) throw new Error(`${type} was done; a refusal was expected`);
  return answer.error.message;
}

async function done(who: string, type: string, fields: Record<string, unknown> = {}): Promise<void> {
  const { answer } = await sendCommand(hub.url, command(type, 'INC-1', fields), `${who}-token`);
  expect(answer).toMatchObject({ ok: true });
}

describe('refusals name people as the NOC knows them', () => {
  it('says who already acknowledged by name', async () => {
    await done('alice', 'acknowledge');
    expect(await refusal('bob', 'acknowledge')).toMatch(
      /^INC-1 was already acknowledged by Alice Moreau at \d\d:\d\d:\d\d UTC\.$/,
    );
  });

  it('says who is already in command by name', async () => {
    await done('dana', 'assign_commander', { userId: 'dana' });
    expect(await refusal('eve', 'assign_commander', { userId: 'dana' })).toBe(
      'Dana Reyes is already in command of INC-1.',
    );
  });

  it('says who is, or is not, a responder by name', async () => {
    await done('alice', 'add_responder', { userId: 'bob' });
    expect(await refusal('alice', 'add_responder', { userId: 'bob' })).toBe(
      'Bob Okafor is already a responder on INC-1.',
    );
    expect(await refusal('alice', 'remove_responder', { userId: 'eve' })).toBe(
      'Eve Lindqvist is not a responder on INC-1.',
    );
  });

  it('names a wall display by its name, and keeps an unknown id as it is', async () => {
    expect(await refusal('dana', 'add_responder', { userId: 'wall' })).toMatch(
      /^NOC wall display is a viewer/,
    );
    expect(await refusal('dana', 'add_responder', { userId: 'zed' })).toBe('There is no user "zed".');
  });
});
