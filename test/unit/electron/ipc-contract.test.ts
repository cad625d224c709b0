import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { ipcArgsSchemas, isIpcInvokeChannel, safeParseIpcArgs } from '../../../electron/ipc/ipc-args-schemas';
import { validateInvocation } from '../../../electron/ipc/validate-invocation';
import { APP_ENTRY_URL } from '../../../electron/security/app-origin';
import { IPC, type IpcInvokeChannel } from '../../../shared/ipc';
import { bundlePreload } from '../../support/preload-bridge';

const invokeChannels = Object.keys(ipcArgsSchemas) as IpcInvokeChannel[];
const noArgChannels = [
  IPC.hubInfo,
  IPC.playDemo,
  IPC.session,
  IPC.signOut,
  IPC.people,
  IPC.escalations,
  IPC.catalog,
] as const;
const consolePage = { url: APP_ENTRY_URL, parent: null };
const ack = (fields: Record<string, unknown> = {}) => ({
  commandId: ulid(),
  type: 'acknowledge',
  incidentId: 'INC-1',
  ...fields,
});

describe('the IPC contract', () => {
  it('names every channel once, under the sitroom: prefix', () => {
    const names = Object.values(IPC);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^sitroom:[a-z-]+$/);
  });

  it('has an argument schema for every invoke channel and none for pushes', () => {
    const { replica, ...invokes } = IPC;
    expect(invokeChannels.sort()).toEqual(Object.values(invokes).sort());
    expect(isIpcInvokeChannel(replica)).toBe(false);
    expect(isIpcInvokeChannel('sitroom:anything-else')).toBe(false);
    expect(isIpcInvokeChannel('__proto__')).toBe(false);
  });

  it.each(noArgChannels)('%s accepts its empty argument list', (channel) => {
    expect(safeParseIpcArgs(channel, []).success).toBe(true);
  });

  it('takes a feed id and what the page shows for a feed, and nothing else', () => {
    const view = { incidentId: 'INC-1', user: { id: 'dana', name: 'Dana Reyes', role: 'operator' } };
    expect(safeParseIpcArgs(IPC.subscribe, [1, view]).success).toBe(true);
    expect(safeParseIpcArgs(IPC.feedView, [1, { incidentId: null, user: null }]).success).toBe(true);
    expect(safeParseIpcArgs(IPC.unsubscribe, [1]).success).toBe(true);
    expect(safeParseIpcArgs(IPC.subscribe, [1, { ...view, token: 'x' }]).success).toBe(false);
    expect(safeParseIpcArgs(IPC.subscribe, [-1, view]).success).toBe(false);
    expect(safeParseIpcArgs(IPC.feedView, [1, { incidentId: '', user: null }]).success).toBe(false);
  });

  it.each(invokeChannels)('%s rejects extra or odd arguments', (channel) => {
    for (const args of [
      ['x', 'y', 'z', 'w'],
      [{}],
      [null],
      [undefined],
      [1, 2],
      [{ __proto__: { polluted: true } }],
    ]) {
      expect(safeParseIpcArgs(channel, args).success, JSON.stringify(args)).toBe(false);
    }
  });
});

describe('an incoming IPC call', () => {
  it('reaches its handler only from the console page with valid arguments', () => {
    expect(validateInvocation(IPC.hubInfo, consolePage, [])).toEqual({ ok: true, args: [] });
  });

  it('is refused from another origin, an iframe or a frame that is gone', () => {
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: APP_ENTRY_URL, parent: consolePage },
      { url: 'file:///tmp/index.html', parent: null },
      null,
    ]) {
      const result = validateInvocation(IPC.signIn, frame, ['dana-token']);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain('refused a call');
    }
  });

  it('is refused with bad arguments, naming the channel and where', () => {
    const result = validateInvocation(IPC.sendCommand, consolePage, [ack({ type: 'add_note', text: '' })]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^sitroom:send-command: invalid arguments at 0\.text/);
  });
});

describe('channel names', () => {
  // The contract only helps if nobody bypasses it with a hand-typed channel string.
  const roots = ['electron', 'renderer'];
  const sources = roots.flatMap((root) => listSources(path.resolve(root)));

  it.each(Object.values(IPC))('%s is spelled only in shared/ipc.ts', (channel) => {
    const offenders = sources.filter((file) => readFileSync(file, 'utf8').includes(channel));
    expect(offenders).toEqual([]);
  });
});

describe('the preload bundle', () => {
  it('is small and carries no zod: arguments are validated in main', async () => {
    const code = await bundlePreload();
    expect(code).toContain('exposeInMainWorld');
    expect(code).not.toMatch(/zod|ZodError|safeParse/i);
    expect(code.length).toBeLessThan(8_000);
  });
});

function listSources(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return listSources(full);
    return /\.(ts|tsx|mts|cts)$/.test(entry) ? [full] : [];
  });
}
