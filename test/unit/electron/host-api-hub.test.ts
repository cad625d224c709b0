import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHostApi, type HostApi } from '../../../electron/app/host-api';
import { ConsoleSession, TOKEN_REFUSED } from '../../../electron/auth/console-session';
import { type TokenCipher, TokenVault } from '../../../electron/auth/token-vault';
import { CommandSender } from '../../../electron/commands/command-sender';
import { consoleToken } from '../../../electron/hub/connect-hub';
import type { KeyValueStore } from '../../../electron/store/key-value-store';
import type { Command } from '../../../shared/commands';
import { HubClient } from '../../../shared/hub-client';
import { Replica } from '../../../shared/replica';
import { createSocketTransport } from '../../../shared/socket-transport';
import { postJson, type RunningHub, samplesDir, startHub } from '../../support/hub';
import { validFixture } from '../config/config-folder';

// The main process's services, exactly as start-console.ts assembles them but without Electron,
// against the REAL hub process: the shared HubClient with the vault's token, sign-in, commands
// through a real replica's outbox and socket, and exports through the pipeline with a stand-in
// dialog and printer.

const firing = JSON.parse(readFileSync(path.join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;
const HUB_TIMEOUT = 30_000;
const replicas: Replica[] = [];
afterAll(() => {
  for (const replica of replicas.splice(0)) replica.stop();
});

/** A reversible stand-in for the OS keychain. */
const cipher: TokenCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(plain).reverse(),
  decryptString: (sealed) => Buffer.from(sealed).reverse().toString(),
};

interface Console {
  readonly api: HostApi;
  readonly vault: TokenVault;
  readonly store: Map<string, unknown>;
  readonly reconnect: ReturnType<typeof vi.fn>;
  readonly printed: string[];
  readonly documents: string;
  /** What the desktop notifier was asked to show, as [title, body]. */
  readonly notified: Array<readonly [string, string]>;
}

/** The desktop console's wiring; `openKey` is the key it gave its embedded hub (open local mode). */
function desktopConsole(hubUrl: string, openKey: string | null = null): Console {
  const store = new Map<string, unknown>();
  const kv: KeyValueStore = {
    get: (k) => store.get(k),
    set: (k, v) => store.set(k, v),
    delete: (k) => store.delete(k),
  };
  const vault = new TokenVault({ store: kv, cipher, hub: new URL(hubUrl).origin, log: () => {} });
  const token = consoleToken({ url: hubUrl, embedded: null, openKey }, () => vault.current());
  const hub = new HubClient(hubUrl, token);
  const reconnect = vi.fn();
  // The replica the desktop main process runs, over a real socket to the real hub.
  const replica = new Replica({
    clientId: ulid(),
    transport: createSocketTransport({ hubUrl, token }),
  });
  void replica.start();
  replicas.push(replica);
  const printed: string[] = [];
  const notified: Array<readonly [string, string]> = [];
  const documents = mkdtempSync(path.join(tmpdir(), 'sitroom-documents-'));
  const api = createHostApi({
    hub,
    session: new ConsoleSession({ hub, vault, reconnect }),
    commands: new CommandSender({ replica }),
    exports: {
      chooseFile: async ({ defaultPath }) => defaultPath,
      printToPdf: async (html) => {
        printed.push(html);
        return new TextEncoder().encode('%PDF-1.7 stand-in');
      },
      writeFile: (filePath, content) => writeFile(filePath, content),
      documentsDir: documents,
    },
    notify: (title, body) => notified.push([title, body]),
  });
  return { api, vault, store, reconnect, printed, documents, notified };
}

describe('in open local mode', () => {
  let hub: RunningHub;
  let desk: Console;
  beforeAll(async () => {
    hub = await startHub();
    expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing)).status).toBe(200);
    desk = desktopConsole(hub.url, hub.openKey);
  }, HUB_TIMEOUT);
  afterAll(async () => {
    await hub?.kill();
    if (desk) rmSync(desk.documents, { recursive: true, force: true });
  });

  it('is signed in as the local operator with the key of the hub it started', async () => {
    expect(await desk.api.session()).toEqual({
      user: { id: 'local', name: 'Local operator', role: 'admin' },
      openMode: true,
      silenceRole: 'commander',
      silenceApis: [],
    });
  });

  it('reads an incident’s whole timeline', async () => {
    const record = await desk.api.incidentRecord('INC-1');
    expect(record.events.length).toBeGreaterThan(0);
    expect(record.events[0]).toMatchObject({ type: 'incident_opened', incidentId: 'INC-1' });
    expect(record.events.every((event) => event.incidentId === 'INC-1')).toBe(true);
  });

  it('passes on the hub’s own words for an incident that does not exist', async () => {
    await expect(desk.api.incidentRecord('INC-404')).rejects.toThrow('There is no incident INC-404.');
  });

  it('reads the statistics of the incidents opened in a range, and passes on a refusal', async () => {
    const to = Date.now() + 60_000;
    const query = { from: to - 3_600_000, to, bucket: 'day', timeZone: 'Europe/Berlin' } as const;
    const report = await desk.api.statistics(query);
    expect(report.query).toEqual(query);
    expect(report.totals).toMatchObject({ incidents: 1, alerts: 2, acknowledged: 0, resolved: 0 });
    expect(report.byService).toEqual([{ service: 'payments-db', incidents: 1, alerts: 2 }]);
    await expect(desk.api.statistics({ ...query, from: 0 })).rejects.toThrow(/more than 400 days/);
  });

  it('acknowledges over HTTP when the socket is down, once per commandId', async () => {
    const ack: Command = { commandId: ulid(), type: 'acknowledge', incidentId: 'INC-1' };
    const first = await desk.api.sendCommand(ack);
    expect(first).toMatchObject({ ok: true });
    expect(await desk.api.sendCommand(ack)).toEqual(first);
    const again = await desk.api.sendCommand({ ...ack, commandId: ulid(), type: 'reopen' });
    expect(again).toMatchObject({ ok: false, error: { code: expect.any(String) } });
  });

  it.each(['md', 'csv', 'json', 'html'] as const)('saves the %s export in Documents', async (format) => {
    const result = await desk.api.exportTimeline('INC-1', format, 'Europe/Berlin');
    const expected = path.join(desk.documents, `INC-1-timeline.${format}`);
    expect(result).toEqual({ saved: true, location: expected });
    const text = readFileSync(expected, 'utf8');
    expect(text).toContain('PostgresReplicationLag');
    if (format !== 'json') expect(text).toContain('+01:00');
  });

  it('prints the hub’s HTML export for a PDF', async () => {
    const result = await desk.api.exportTimeline('INC-1', 'pdf', 'UTC');
    expect(result).toEqual({ saved: true, location: path.join(desk.documents, 'INC-1-timeline.pdf') });
    expect(desk.printed).toHaveLength(1);
    expect(desk.printed[0]).toMatch(/^<!doctype html>/i);
    expect(desk.printed[0]).toContain('http-equiv="Content-Security-Policy"');
    expect(desk.printed[0]).toContain('Incident opened: PostgresReplicationLag on payments-db');
    expect(readFileSync(path.join(desk.documents, 'INC-1-timeline.pdf'), 'latin1')).toMatch(/^%PDF/);
  });

  it('writes nothing for an export the hub refuses', async () => {
    const before = readdirSync(desk.documents).length;
    await expect(desk.api.exportTimeline('INC-404', 'md', 'UTC')).rejects.toThrow(
      'There is no incident INC-404.',
    );
    expect(readdirSync(desk.documents)).toHaveLength(before);
  });
});

describe('with users.yaml', () => {
  let hub: RunningHub;
  let desk: Console;
  beforeAll(async () => {
    hub = await startHub({ args: ['--config-dir', validFixture] });
    desk = desktopConsole(hub.url, hub.openKey);
  }, HUB_TIMEOUT);
  afterAll(async () => {
    await hub?.kill();
    if (desk) rmSync(desk.documents, { recursive: true, force: true });
  });

  it('has no session until it signs in', async () => {
    expect(await desk.api.session()).toBeNull();
  });

  it('refuses a wrong token, keeping nothing', async () => {
    await expect(desk.api.signIn('dana-tokne')).rejects.toThrow(TOKEN_REFUSED);
    expect(desk.vault.current()).toBeNull();
    expect(desk.store.size).toBe(0);
    expect(desk.reconnect).not.toHaveBeenCalled();
  });

  it('signs in with a good token, seals it, and uses it for every call', async () => {
    const session = await desk.api.signIn('dana-token');
    expect(session).toEqual({
      user: { id: 'dana', name: 'Dana Reyes', role: 'commander' },
      openMode: false,
      silenceRole: 'commander',
      silenceApis: [],
    });
    expect(JSON.stringify([...desk.store.values()])).not.toContain('dana-token');
    expect(desk.reconnect).toHaveBeenCalledOnce();
    expect(await desk.api.session()).toEqual(session);
    const people = await desk.api.people();
    // Everyone who can be named, which a wall display (a viewer) is not.
    expect(people.map((person) => person.id).sort()).toEqual(['alice', 'bob', 'dana', 'eve']);
  });

  it('reads the running escalations and who is on call in every rotation', async () => {
    const view = await desk.api.escalations();
    expect(view.escalations).toEqual([]);
    expect(view.oncall.map((rotation) => rotation.rotationId)).toEqual(['noc-primary', 'data-oncall']);
    expect(['alice', 'bob']).toContain(view.oncall[0]?.userId);
  });

  it('reads the service catalog with notify channels reduced to their hosts', async () => {
    const catalog = await desk.api.catalog();
    expect(catalog.services.find((service) => service.id === 'payments-api')?.dependsOn).toEqual([
      'payments-db',
      'kafka',
    ]);
    expect(catalog.teams.find((team) => team.id === 'sre')?.channels).toEqual([
      { kind: 'slack', host: 'hooks.slack.com' },
    ]);
  });

  it('hands a notification to the desktop notifier', async () => {
    await desk.api.notify('Paged: INC-7 SEV1', 'Level 1 of data-critical');
    expect(desk.notified).toEqual([['Paged: INC-7 SEV1', 'Level 1 of data-critical']]);
  });

  it('signs out, after which the hub asks for a token again', async () => {
    await desk.api.signOut();
    expect(await desk.api.session()).toBeNull();
    expect(desk.store.size).toBe(0);
    await expect(desk.api.people()).rejects.toThrow(/Sign in/);
  });
});
