import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/cluster';
import { copyOfValidConfig, writeLadder } from '../support/config-folder';
import { logRecords, type RunningHub, startHub } from '../support/hub';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../support/postgres';

// Starting a hub on PostgreSQL as an operator does, with the mistakes operators make: a URL that
// is not PostgreSQL's, a database that is not there. Each is refused in one line that names the
// problem, with no stack; and the database's password, however it is given, is never shown: not
// in the log, not on /healthz (which anyone who reaches the hub may read), not in /metrics.

const missing = postgresMissing();
let postgres: ThrowawayPostgres | null = null;
const hubs: RunningHub[] = [];
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.kill()));
  postgres?.destroy();
});

/** What a hub that failed to start printed, and its exit code. */
async function refusal(args: ReadonlyArray<string>): Promise<{ code: number; output: string }> {
  const error = await startHub({ args }).then(
    (hub) => {
      hubs.push(hub);
      throw new Error('the hub started');
    },
    (failure: unknown) => failure as Error,
  );
  const match = /exited with code (\d+) before it was ready:\n([\s\S]*)$/.exec(error.message);
  if (!match) throw error;
  return { code: Number(match[1]), output: match[2] as string };
}

const STACK_LINE = /\n\s+at /;

describe('a hub given a database URL that cannot be PostgreSQL', () => {
  it('refuses it in one line, without repeating the URL, before connecting anywhere', async () => {
    for (const [url, says] of [
      ['mysql://sitroom:Secret-in-a-url@127.0.0.1:1/sitroom', 'must be a PostgreSQL URL'],
      ['Secret-in-a-url', 'is not a URL'],
    ] as const) {
      const { code, output } = await refusal(['--database-url', url]);
      expect(code, output).toBe(2);
      expect(output).toContain(says);
      expect(output).not.toMatch(STACK_LINE);
      expect(output).not.toContain('Secret-in-a-url');
    }
  });
});

describe.skipIf(missing !== null)(`a hub on PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('names the database it cannot open and why, in one line without a stack or the password', {
    timeout: 60_000,
  }, async () => {
    postgres ??= await startPostgres();
    const url = `postgres://sitroom:Secret-in-a-url@127.0.0.1:${postgres.port}/nowhere`;
    const { code, output } = await refusal(['--database-url', url]);
    expect(code, output).toBe(1);
    expect(output).toContain(
      `cannot open the log in PostgreSQL at postgres://sitroom@127.0.0.1:${postgres.port}/nowhere: database "nowhere" does not exist`,
    );
    expect(output).not.toMatch(STACK_LINE);
    expect(output).not.toContain('Secret-in-a-url');
  });

  it('says in its log, once, that another hub on the database runs a different configuration', {
    timeout: 60_000,
  }, async () => {
    postgres ??= await startPostgres();
    const url = await postgres.createDatabase('two_configs');
    const ours = copyOfValidConfig();
    const theirs = copyOfValidConfig();
    writeLadder(theirs, ['{ notify: [user:dana], escalate_after_minutes: 1 }']);
    const first = await startHub({ args: ['--database-url', url, '--config-dir', ours] });
    const second = await startHub({ args: ['--database-url', url, '--config-dir', theirs] });
    hubs.push(first, second);
    const warnings = (hub: RunningHub) =>
      logRecords(hub.output()).filter(
        (record) => record.level === 'warn' && record.msg.includes('runs a different configuration'),
      );
    await eventually(
      () => warnings(first).length === 1 && warnings(second).length === 1,
      'each hub warning of the other',
    );
    // Heartbeats go on every 2 s; the warning is not repeated.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(warnings(first)).toHaveLength(1);
    expect(warnings(first)[0]?.component).toBe('cluster');
  });

  it('never shows its password, given in the URL or as its password parameter', {
    timeout: 60_000,
  }, async () => {
    postgres ??= await startPostgres();
    // The throwaway cluster trusts every local connection: any password is taken.
    const base = await postgres.createDatabase('secrets');
    const withUser = base.replace('sitroom@', 'sitroom:Secret-in-userinfo@');
    const asParameter = `${base}?password=Secret-as-parameter&application_name=noc`;
    for (const [url, secret] of [
      [withUser, 'Secret-in-userinfo'],
      [asParameter, 'Secret-as-parameter'],
    ] as const) {
      const hub = await startHub({ args: ['--database-url', url] });
      hubs.push(hub);
      const health = await (await fetch(`${hub.url}/healthz`)).text();
      expect(health).toContain(`"kind":"postgresql"`);
      expect(health).not.toContain(secret);
      expect(await (await hub.api('/metrics')).text()).not.toContain(secret);
      await hub.stop();
      expect(hub.output()).toContain('Sitroom hub ready');
      expect(hub.output()).not.toContain(secret);
    }
  });

  it("starts on a local server's socket named with a user and no host, as node-postgres reads it", {
    timeout: 60_000,
  }, async () => {
    postgres ??= await startPostgres();
    await postgres.createDatabase('on_socket');
    // libpq's form for a user on the local socket: no host in the authority, the socket's folder
    // as ?host=. node-postgres connects with it; the hub refused it as "not a URL".
    const url = `postgres://sitroom:Secret-on-socket@/on_socket?host=${encodeURIComponent(postgres.socketDir)}&port=${postgres.port}`;
    const hub = await startHub({ args: ['--database-url', url] });
    hubs.push(hub);
    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as {
      status: string;
      store: { kind: string };
    };
    expect(health).toMatchObject({ status: 'ok', store: { kind: 'postgresql' } });
    await hub.stop();
    expect(hub.output()).toContain('Sitroom hub ready');
    expect(hub.output()).not.toContain('Secret-on-socket');
  });
});
