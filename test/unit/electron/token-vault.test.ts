import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_KEY, type TokenCipher, TokenVault } from '../../../electron/auth/token-vault';
import type { KeyValueStore } from '../../../electron/store/key-value-store';

// The vault on conf (electron-store's engine) and real files, with an injected cipher standing
// in for the OS keychain. What matters is what reaches the disk.

const TOKEN = 'dana-token-7f3a9c';
let dir: string;
let logs: string[];
const log = (message: string): void => {
  logs.push(message);
};
const openStore = (): KeyValueStore =>
  new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'sitroom-test' });
/** Everything written under the profile folder, as text. */
const disk = (): string =>
  readdirSync(dir)
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');

/** A reversible stand-in for safeStorage: XOR with a key, so the sealed bytes never show the token. */
function xorCipher(key = 0x5a, available = true): TokenCipher {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ key));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plainText) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(plainText, 'utf8'))]),
    decryptString: (sealed) => {
      if (sealed.subarray(0, 3).toString() !== 'v10')
        throw new Error('Error while decrypting the ciphertext');
      return xor(sealed.subarray(3)).toString('utf8');
    },
  };
}

const vault = (cipher: TokenCipher, hub = 'https://hub.example.org'): TokenVault =>
  new TokenVault({ store: openStore(), cipher, hub, log });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitroom-vault-'));
  logs = [];
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('with OS encryption', () => {
  it('seals the token on disk and unseals it after a restart', () => {
    const first = vault(xorCipher());
    expect(first.keep(TOKEN)).toBe(true);
    expect(first.current()).toBe(TOKEN);
    expect(disk()).not.toContain(TOKEN);
    expect(disk()).toContain('"sealed"');

    const restarted = vault(xorCipher());
    expect(restarted.current()).toBeNull();
    restarted.load();
    expect(restarted.current()).toBe(TOKEN);
    expect(logs).toEqual([]);
  });

  it('forgets the token in memory and on disk', () => {
    const signedIn = vault(xorCipher());
    signedIn.keep(TOKEN);
    signedIn.forget();
    expect(signedIn.current()).toBeNull();
    expect(openStore().get(TOKEN_KEY)).toBeUndefined();
  });

  it('discards a stored token that will not decrypt, with a log line', () => {
    vault(xorCipher()).keep(TOKEN);
    const store = openStore();
    store.set(TOKEN_KEY, {
      hub: 'https://hub.example.org',
      sealed: Buffer.from('garbage').toString('base64'),
    });

    const restarted = vault(xorCipher());
    restarted.load();
    expect(restarted.current()).toBeNull();
    expect(openStore().get(TOKEN_KEY)).toBeUndefined();
    expect(logs).toEqual([
      expect.stringMatching(/^discarding the stored hub token: it could not be decrypted/),
    ]);
  });

  it('discards a stored entry in the wrong shape, with a log line', () => {
    openStore().set(TOKEN_KEY, TOKEN);
    const restarted = vault(xorCipher());
    restarted.load();
    expect(restarted.current()).toBeNull();
    expect(openStore().get(TOKEN_KEY)).toBeUndefined();
    expect(logs).toEqual(['discarding the stored hub token: it is not in the expected format']);
  });

  it('never sends a token to a hub other than the one that accepted it', () => {
    vault(xorCipher(), 'https://hub.example.org').keep(TOKEN);
    const elsewhere = vault(xorCipher(), 'http://127.0.0.1:9999');
    elsewhere.load();
    expect(elsewhere.current()).toBeNull();
    expect(logs[0]).toMatch(/accepted by https:\/\/hub\.example\.org, not http:\/\/127\.0\.0\.1:9999/);
  });
});

describe('without OS encryption', () => {
  it('keeps the token in memory only, never on disk, and says so', () => {
    const plain = vault(xorCipher(0x5a, false));
    expect(plain.keep(TOKEN)).toBe(false);
    expect(plain.current()).toBe(TOKEN);
    expect(disk()).not.toContain(TOKEN);
    expect(openStore().get(TOKEN_KEY)).toBeUndefined();
    expect(logs).toEqual([expect.stringMatching(/^warning: OS encryption \(safeStorage\) is unavailable/)]);

    const restarted = vault(xorCipher(0x5a, false));
    restarted.load();
    expect(restarted.current()).toBeNull();
  });

  it('removes an older sealed token rather than let it return after a restart', () => {
    vault(xorCipher()).keep('someone-elses-token');
    vault(xorCipher(0x5a, false)).keep(TOKEN);
    expect(openStore().get(TOKEN_KEY)).toBeUndefined();
  });

  it('keeps a sealed token it cannot open now, for when the keychain is back', () => {
    vault(xorCipher()).keep(TOKEN);
    const locked = vault(xorCipher(0x5a, false));
    locked.load();
    expect(locked.current()).toBeNull();
    expect(logs).toEqual([expect.stringMatching(/OS encryption is unavailable; sign in again/)]);
    const unlocked = vault(xorCipher());
    unlocked.load();
    expect(unlocked.current()).toBe(TOKEN);
  });

  it('falls back to memory when sealing throws', () => {
    const broken: TokenCipher = {
      ...xorCipher(),
      encryptString: () => {
        throw new Error('keychain locked');
      },
    };
    const keeper = vault(broken);
    expect(keeper.keep(TOKEN)).toBe(false);
    expect(keeper.current()).toBe(TOKEN);
    expect(disk()).not.toContain(TOKEN);
    expect(logs[0]).toContain('keychain locked');
  });
});
