import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config/load';
import { createSilence } from '../../server/silences/alertmanager-api';
import { ENDED_MEANWHILE, requestTag, SilenceKeeper } from '../../server/silences/silence-keeper';
import { HubState } from '../../server/state';
import { LogFolder } from '../../server/store/log-folder';
import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import { StoreHealth } from '../../server/store/store-health';
import { Writer } from '../../server/store/writer';
import type { SitroomConfig } from '../../shared/config/types';
import type { HubEvent, SilenceRequested } from '../../shared/events';
import { alertmanagerAvailable, type RunningAlertmanager, startAlertmanager } from '../support/alertmanager';
import { freePort, tempDataDir } from '../support/hub';
import {
  amtoolAvailable,
  amtoolExpire,
  amtoolSilences,
  configWithAlertmanagerApi,
} from '../support/silences';
import { until } from '../support/until';

// A silence request a dead leader left without an outcome is finished by the next term, but a
// silence that has been ended since is not made again: not one ended on Alertmanager itself
// (amtool), and not one that somebody asked Sitroom to end. The real Alertmanager, the real
// silence keeper on a real SQLite log; amtool says what Alertmanager holds.

const skip = !alertmanagerAvailable() || !amtoolAvailable();

let alertmanager: RunningAlertmanager | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await alertmanager?.stop();
  alertmanager = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Term {
  readonly keeper: SilenceKeeper;
  readonly committed: HubEvent[];
  close(): Promise<void>;
}

/** A new term's silence keeper, with prom-dc1's API at `amUrl`. */
async function newTerm(amUrl: string): Promise<Term & { readonly config: SitroomConfig }> {
  const loaded = await loadConfig(configWithAlertmanagerApi(amUrl));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const { config } = loaded;
  const dir = tempDataDir('sitroom-resume-silences-');
  dirs.push(dir);
  const store = new SqliteLog(dir, () => {});
  const state = new HubState([], 0);
  const folder = new LogFolder(state, store);
  const writer = new Writer(store, folder, new StoreHealth(Date.now), Date.now);
  const committed: HubEvent[] = [];
  folder.onFolded((events) => committed.push(...events));
  const keeper = new SilenceKeeper({ writer, config: () => config, userName: (id) => id, log: () => {} });
  return {
    keeper,
    committed,
    config,
    async close() {
      await keeper.close();
      await writer.drain();
      writer.close();
      await store.close();
    },
  };
}

function request(requestId: string): SilenceRequested {
  const at = Date.now() - 60_000;
  return {
    seq: 2,
    at,
    actor: { kind: 'user', id: 'dana' },
    incidentId: 'INC-1',
    type: 'silence_requested',
    requestId,
    matchers: [{ name: 'alertname', value: 'ResumeSilence', isRegex: false, isEqual: true }],
    minutes: 30,
    comment: 'resume across leaders',
    endsAt: at + 30 * 60_000,
    integrations: ['prom-dc1'],
  };
}

const outcomes = (events: ReadonlyArray<HubEvent>) =>
  events.flatMap((event) =>
    event.type === 'silence_created' || event.type === 'silence_failed'
      ? [[event.type, event.type === 'silence_failed' ? event.error : event.silenceId]]
      : [],
  );

describe.skipIf(skip)(
  `a new term's silence requests${skip ? ' (skipped: no Alertmanager or amtool)' : ''}`,
  () => {
    it('does not make again a silence the dead leader made and somebody ended on Alertmanager', {
      timeout: 60_000,
    }, async () => {
      const port = await freePort();
      alertmanager = await startAlertmanager({ webhookUrl: 'http://127.0.0.1:9/unused', port });
      const amUrl = alertmanager.url;
      const term = await newTerm(amUrl);
      const asked = request('01RESUMEENDEDONAM');
      // The dead leader's create reached Alertmanager; its answer never reached the log.
      const api = term.config.integrations.find((integration) => integration.id === 'prom-dc1')?.api;
      if (!api) throw new Error('prom-dc1 has no api_url');
      const made = await createSilence(
        { id: 'prom-dc1', api },
        {
          matchers: asked.matchers,
          startsAt: asked.at,
          endsAt: asked.endsAt,
          createdBy: 'dana',
          comment: `${asked.comment} ${requestTag(asked.incidentId, asked.requestId)}`,
        },
      );
      await amtoolExpire(amUrl, made);
      expect(await amtoolSilences(amUrl)).toEqual([]);

      term.keeper.resume(asked, ['prom-dc1']);
      await until(() => outcomes(term.committed).length > 0, 'the request given an outcome');
      expect(await amtoolSilences(amUrl)).toEqual([]);
      expect(outcomes(term.committed)).toEqual([
        [
          'silence_failed',
          `prom-dc1: silence ${made} was made for this request and has ended since; not made again`,
        ],
      ]);
      await term.close();
    });

    it('does not make on an Alertmanager still owed a silence that somebody asked Sitroom to end', {
      timeout: 60_000,
    }, async () => {
      const port = await freePort();
      alertmanager = await startAlertmanager({ webhookUrl: 'http://127.0.0.1:9/unused', port });
      const term = await newTerm(alertmanager.url);
      // The finder says so (test/unit/server/cluster/unfinished-deliveries.test.ts): ended.
      term.keeper.resume(request('01RESUMEENDEDINLOG'), ['prom-dc1'], true);
      await until(() => outcomes(term.committed).length > 0, 'the request given an outcome');
      expect(await amtoolSilences(alertmanager.url, { expired: true })).toEqual([]);
      expect(outcomes(term.committed)).toEqual([['silence_failed', ENDED_MEANWHILE]]);
      await term.close();
    });

    it('still makes a silence nobody ended', { timeout: 60_000 }, async () => {
      const port = await freePort();
      alertmanager = await startAlertmanager({ webhookUrl: 'http://127.0.0.1:9/unused', port });
      const term = await newTerm(alertmanager.url);
      term.keeper.resume(request('01RESUMESTILLWANTED'), ['prom-dc1']);
      await until(() => outcomes(term.committed).length > 0, 'the request given an outcome');
      const active = await amtoolSilences(alertmanager.url);
      expect(active).toHaveLength(1);
      expect(outcomes(term.committed)).toEqual([['silence_created', active[0]?.id]]);
      await term.close();
    });
  },
);
