import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseHub } from '../../../electron/hub/choose-hub';
import { consoleToken, hubIdentity } from '../../../electron/hub/connect-hub';
import { embeddedHubSpec } from '../../../electron/hub/embedded-hub-spec';
import type { RunningHub } from '../../../electron/hub/hub-launcher';

describe('choosing the hub', () => {
  it('prefers SITROOM_HUB_URL, then the settings, then the embedded hub', () => {
    const settings = { hubUrl: 'https://hub.settings.example' };
    expect(chooseHub({ SITROOM_HUB_URL: 'https://10.0.0.5:7420' }, settings)).toEqual({
      kind: 'configured',
      url: 'https://10.0.0.5:7420',
      from: 'SITROOM_HUB_URL',
    });
    expect(chooseHub({}, settings)).toEqual({ kind: 'configured', url: settings.hubUrl, from: 'settings' });
    expect(chooseHub({ SITROOM_HUB_URL: '  ' }, {})).toEqual({ kind: 'embedded' });
  });

  it('refuses a malformed SITROOM_HUB_URL instead of silently starting a local hub', () => {
    expect(() => chooseHub({ SITROOM_HUB_URL: 'hub.example:7420' }, {})).toThrow(
      /SITROOM_HUB_URL is not an http\(s\) URL/,
    );
    expect(() => chooseHub({ SITROOM_HUB_URL: 'file:///tmp/hub' }, {})).toThrow(/SITROOM_HUB_URL/);
  });

  it('refuses plain http beyond loopback and addresses with credentials, never repeating them', () => {
    expect(() => chooseHub({ SITROOM_HUB_URL: 'http://10.0.0.5:7420' }, {})).toThrow(/must be https:\/\//);
    const withPassword = 'https://ops:s3cret-pass@hub.example.org';
    expect(() => chooseHub({ SITROOM_HUB_URL: withPassword }, {})).toThrow(/user name or password/);
    try {
      chooseHub({ SITROOM_HUB_URL: withPassword }, {});
    } catch (error) {
      expect(String(error)).not.toContain('s3cret-pass');
    }
    expect(chooseHub({ SITROOM_HUB_URL: 'http://127.0.0.1:7420' }, {})).toMatchObject({ kind: 'configured' });
    expect(chooseHub({ SITROOM_HUB_URL: 'http://localhost:7420' }, {})).toMatchObject({ kind: 'configured' });
  });
});

describe('the embedded hub command', () => {
  const root = path.resolve('/repo');
  const dataDir = path.join('/home/op/.config/Sitroom', 'hub');
  const bundle = path.join(root, 'dist', 'server', 'hub.mjs');
  const source = path.join(root, 'server', 'main.ts');

  it('runs the bundle on a free port with the profile data dir', () => {
    const spec = embeddedHubSpec({
      appRoot: root,
      isPackaged: false,
      dataDir,
      exists: (file) => file === bundle,
    });
    expect(spec).toEqual({ entry: bundle, args: ['--port', '0', '--data-dir', dataDir], cwd: root });
  });

  it('falls back to the TypeScript source through tsx in a development checkout', () => {
    const spec = embeddedHubSpec({
      appRoot: root,
      isPackaged: false,
      dataDir,
      exists: (file) => file === source,
    });
    expect(spec).toMatchObject({ entry: source, execArgv: ['--import', 'tsx'] });
  });

  it('never runs the source in a packaged app, and says what to build', () => {
    expect(() =>
      embeddedHubSpec({ appRoot: root, isPackaged: true, dataDir, exists: (file) => file === source }),
    ).toThrow(/npm run build:hub/);
  });
});

describe('naming the hub a token belongs to', () => {
  it('uses a configured hub’s origin, and one name for the embedded hub whatever its port', () => {
    expect(hubIdentity({ url: 'https://hub.example.org:8443/', embedded: null, openKey: null })).toBe(
      'https://hub.example.org:8443',
    );
    expect(hubIdentity({ url: 'http://10.0.0.5:7420/console', embedded: null, openKey: null })).toBe(
      'http://10.0.0.5:7420',
    );
    const embedded = (url: string) => ({
      url,
      embedded: {
        url,
        pid: 1,
        exited: new Promise<never>(() => {}),
        stop: async () => {},
      } satisfies RunningHub,
      openKey: 'k'.repeat(43),
    });
    expect(hubIdentity(embedded('http://127.0.0.1:41234/'))).toBe('embedded');
    expect(hubIdentity(embedded('http://127.0.0.1:39001/'))).toBe('embedded');
  });
});

describe('the token the console presents', () => {
  const embedded = { url: 'http://127.0.0.1:41234/', embedded: null, openKey: 'embedded-key' };
  const configured = { url: 'https://hub.example.org/', embedded: null, openKey: null };

  it('is the key given to the embedded hub, else what the person signed in with', () => {
    let signedIn: string | null = null;
    expect(consoleToken(embedded, () => signedIn)()).toBe('embedded-key');
    expect(consoleToken(configured, () => signedIn)()).toBeNull();
    signedIn = 'dana-token';
    expect(consoleToken(configured, () => signedIn)()).toBe('dana-token');
  });
});
