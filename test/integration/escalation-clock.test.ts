import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../server/hub';
import { parseHubOptions } from '../../server/options';
import type { EscalationsResponse } from '../../shared/escalation/escalations-view';
import { copyOfValidConfig } from '../support/config-folder';
import { FakeClock } from '../support/fake-clock';
import { postJson, repoRoot, samplesDir, tempDataDir } from '../support/hub';

// The hub itself, in this process, on a clock the test moves (startHub's `clock` option): the
// example configuration's data-critical policy walked through its three levels in milliseconds,
// as consoles see it over REST. Rotations answer for the fake time, overrides included.

const T0 = Date.parse('2026-03-02T10:00:00Z'); // eve holds data-oncall by override; noc-primary: alice
const MINUTE = 60_000;

let hub: RunningHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

describe('startHub with an injected clock', () => {
  it('walks the example data-critical policy level by level as time is moved', async () => {
    const clock = new FakeClock(T0);
    hub = await startHub(
      {
        ...parseHubOptions(
          [
            ...['--port', '0', '--data-dir', tempDataDir(), '--config-dir', copyOfValidConfig()],
            ...['--web-dir', join(repoRoot, 'dist', 'web')],
          ],
          {},
        ),
        clock,
      },
      () => {},
    );
    const running = hub;
    clock.settleWith(() => running.idle());
    const url = hub.info.consoleUrl.replace(/\/$/, '');
    const firing = readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8');
    expect(
      (
        await postJson(`${url}/api/v1/ingest/alertmanager`, firing, {
          authorization: 'Bearer prom-dc1-token',
        })
      ).status,
    ).toBe(200);
    const view = async (): Promise<EscalationsResponse> => {
      await clock.advance(0);
      const response = await fetch(`${url}/api/v1/escalations`, {
        headers: { authorization: 'Bearer wall-token' },
      });
      return (await response.json()) as EscalationsResponse;
    };

    expect((await view()).escalations[0]).toMatchObject({
      policyId: 'data-critical',
      level: 1,
      pagedUserIds: ['eve'],
      pagedAt: new Date(T0).toISOString(),
      next: { level: 2, userIds: ['alice', 'dana', 'eve'], at: new Date(T0 + 2.5 * MINUTE).toISOString() },
    });
    await clock.advance(2.5 * MINUTE);
    expect((await view()).escalations[0]).toMatchObject({ level: 2, next: { level: 3, userIds: ['eve'] } });
    await clock.advance(10 * MINUTE);
    expect((await view()).escalations[0]).toMatchObject({ level: 3, pagedUserIds: ['eve'], next: null });
    expect((await view()).oncall).toEqual([
      expect.objectContaining({
        rotationId: 'noc-primary',
        userId: 'alice',
        until: '2026-03-02T20:00:00.000Z',
      }),
      expect.objectContaining({
        rotationId: 'data-oncall',
        userId: 'eve',
        until: '2026-03-04T08:30:00.000Z',
      }),
    ]);
  });
});
