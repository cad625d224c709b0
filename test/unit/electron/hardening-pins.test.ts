import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Session, Shell, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { connectHub } from '../../../electron/hub/connect-hub';
import { exitNotifier, type HubLaunchSpec, type HubSpawner } from '../../../electron/hub/hub-child';
import { hardenSession } from '../../../electron/session/harden-session';
import { wallWindowOptions } from '../../../electron/wall/wall-window-options';
import { hardenWebContents } from '../../../electron/window/harden-web-contents';
import { mainWindowOptions } from '../../../electron/window/main-window-options';
import { BRIDGE_KEYS, bundlePreload } from '../../support/preload-bridge';

// The Electron hardening, pinned where no Electron binary exists: each function is run against a
// fake of the Electron object it configures, and what it did to that fake is compared with what
// the app must do. toEqual everywhere: a flag added or dropped fails here before it ships.

type Listener = (event: { url?: string; preventDefault(): void }) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (handler: typeof windowOpen) => {
      windowOpen = handler;
    },
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
  };
  /** Fires a navigation-like event; true when the handler prevented it. */
  const fire = (name: string, url?: string): boolean => {
    let prevented = false;
    listeners.get(name)?.({
      ...(url === undefined ? {} : { url }),
      preventDefault: () => (prevented = true),
    });
    return prevented;
  };
  return {
    contents: contents as unknown as WebContents,
    listeners,
    fire,
    open: (url: string) => windowOpen?.({ url }),
  };
}

describe('hardenWebContents', () => {
  const opened: string[] = [];
  const logs: string[] = [];
  const shell = { openExternal: async (url: string) => void opened.push(url) } as unknown as Shell;
  const fake = fakeWebContents();
  hardenWebContents(fake.contents, shell, (line) => logs.push(line));

  it('hooks exactly window.open, navigation, redirects and webviews', () => {
    expect([...fake.listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
  });

  it('denies every new window and hands http(s) links to the browser, nothing else', () => {
    expect(fake.open('https://runbooks.example.org/pg')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://runbooks.example.org/pg']);
  });

  it('keeps navigation and redirects on the console, and refuses every webview', () => {
    expect(fake.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-redirect', 'http://127.0.0.1:7420/')).toBe(true);
    expect(fake.fire('will-navigate', 'sitroom://console/index.html#board')).toBe(false);
    expect(fake.fire('will-attach-webview')).toBe(true);
    expect(logs.some((line) => line.includes('refused to attach a <webview>'))).toBe(true);
  });
});

describe('hardenSession', () => {
  const handlers: Record<string, unknown> = {};
  let headersHook: ((details: unknown, callback: (response: unknown) => void) => void) | null = null;
  const session = {
    setPermissionRequestHandler: (handler: unknown) => {
      handlers.request = handler;
    },
    setPermissionCheckHandler: (handler: unknown) => {
      handlers.check = handler;
    },
    setDevicePermissionHandler: (handler: unknown) => {
      handlers.device = handler;
    },
    webRequest: {
      onHeadersReceived: (hook: typeof headersHook) => {
        headersHook = hook;
      },
    },
  } as unknown as Session;
  hardenSession(session, 'https://hub.example.org:7420', () => {});

  it('denies every permission request, check and device', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      (handlers.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
        null,
        permission,
        (ok) => answers.push(ok),
      );
    expect(answers).toEqual([false, false, false, false, false]);
    expect((handlers.check as () => boolean)()).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);
  });

  it('puts its CSP on every response, replacing any the response brought', () => {
    let answered: { responseHeaders: Record<string, string[]> } | null = null;
    headersHook?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['kept'] } },
      (response) => {
        answered = response as { responseHeaders: Record<string, string[]> };
      },
    );
    const headers = (answered as { responseHeaders: Record<string, string[]> } | null)?.responseHeaders ?? {};
    expect(Object.keys(headers).sort()).toEqual([
      'Content-Security-Policy',
      'X-Content-Type-Options',
      'X-Other',
    ]);
    expect(headers['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(headers['Content-Security-Policy']?.[0]).toContain('connect-src');
  });
});

describe('window webPreferences', () => {
  const hardened = {
    preload: '/app/preload.cjs',
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    enableWebSQL: false,
    safeDialogs: true,
  };

  it('are exactly these for the console window: no experimental or Blink features, nothing added', () => {
    expect(mainWindowOptions('/app/preload.cjs').webPreferences).toEqual(hardened);
  });

  it('are the same for a wall window, with only background throttling off', () => {
    const wall = wallWindowOptions('/app/preload.cjs', { x: 0, y: 0, width: 1920, height: 1080 }, 'TV');
    expect(wall.webPreferences).toEqual({ ...hardened, backgroundThrottling: false });
  });

  it('are never loosened anywhere in electron/ by a switch or a flag', () => {
    const offenders = sources(path.resolve('electron')).filter((file) =>
      /experimentalFeatures|enableBlinkFeatures|appendSwitch|disable-web-security|allowRunningInsecureContent:\s*true|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('the main process entry', () => {
  it('turns on the sandbox for every renderer and hardens every webContents it will ever create', () => {
    const main = readFileSync(path.resolve('electron/main.ts'), 'utf8');
    const sandbox = main.indexOf('app.enableSandbox();');
    expect(sandbox).toBeGreaterThan(-1);
    // Before whenReady: enableSandbox only works before the app is ready.
    expect(sandbox).toBeLessThan(main.indexOf('.whenReady()'));
    expect(main).toMatch(
      /app\.on\('web-contents-created', \(_event, contents\) => hardenWebContents\(contents, shell, log\)\)/,
    );
  });
});

describe('the packaged binary', () => {
  it('flips exactly these security fuses', () => {
    const builder = parse(readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as {
      electronFuses?: unknown;
    };
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('the preload bridge', () => {
  it('exposes exactly window.sitroom with these functions, and nothing else', async () => {
    const exposed = new Map<string, unknown>();
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
      ipcRenderer: {
        invoke: async () => ({ ok: true, value: null }),
        on: () => {},
        removeListener: () => {},
      },
    };
    const module = { exports: {} };
    runInNewContext(await bundlePreload(), {
      module,
      exports: module.exports,
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`the preload may require only electron, not ${name}`);
        return electron;
      },
      console,
    });
    expect([...exposed.keys()]).toEqual(['sitroom']);
    const api = exposed.get('sitroom') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_KEYS]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry) ? [full] : [];
  });
}

describe('the embedded hub', () => {
  it('gets a fresh open-mode key in its environment, never on its command line or in a log', async () => {
    const specs: HubLaunchSpec[] = [];
    const logs: string[] = [];
    const spawner: HubSpawner = {
      runtime: 'fake',
      spawn(spec) {
        specs.push(spec);
        const { settle, onExit } = exitNotifier();
        setImmediate(() => settle({ kind: 'exited', code: 1, signal: null }));
        return { pid: 1, stdout: null, stderr: null, onExit, terminate: () => {}, forceKill: () => {} };
      },
    };
    const place = { appRoot: '/app', isPackaged: true, dataDir: '/data', exists: () => true };
    for (let run = 0; run < 2; run++)
      await connectHub(
        { kind: 'embedded' },
        { spawner, place, log: (line) => logs.push(line), onHubOutput: () => {} },
      ).catch(() => {});
    const keys = specs.map((spec) => spec.env?.SITROOM_OPEN_KEY ?? '');
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys[0]).not.toBe(keys[1]);
    for (const [index, spec] of specs.entries()) {
      expect(spec.args.join(' ')).not.toContain(keys[index]);
      expect(logs.join('\n')).not.toContain(keys[index]);
    }
  });
});
