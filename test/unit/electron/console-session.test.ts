import { describe, expect, it, vi } from 'vitest';
import { ConsoleSession, TOKEN_REFUSED } from '../../../electron/auth/console-session';
import { type TokenCipher, TokenVault } from '../../../electron/auth/token-vault';
import { UserFacingError } from '../../../electron/errors/user-facing-error';
import type { KeyValueStore } from '../../../electron/store/key-value-store';
import type { Session } from '../../../shared/protocol';

const dana: Session = { user: { id: 'dana', name: 'Dana Reyes', role: 'commander' }, openMode: false };

function memoryStore(): KeyValueStore & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => data.get(key),
    set: (key, value) => data.set(key, value),
    delete: (key) => data.delete(key),
  };
}
const reversing: TokenCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(plain).reverse(),
  decryptString: (sealed) => Buffer.from(sealed).reverse().toString(),
};

function setup() {
  const store = memoryStore();
  const vault = new TokenVault({ store, cipher: reversing, hub: 'embedded', log: () => {} });
  const hub = { session: vi.fn(async (token?: string | null) => (token === 'dana-token' ? dana : null)) };
  const reconnect = vi.fn();
  return { store, vault, hub, reconnect, session: new ConsoleSession({ hub, vault, reconnect }) };
}

describe('signing in', () => {
  it('checks the token with the hub, keeps it and reconnects the socket with it', async () => {
    const { session, vault, hub, reconnect, store } = setup();
    expect(await session.signIn('dana-token')).toEqual(dana);
    expect(hub.session).toHaveBeenCalledWith('dana-token');
    expect(vault.current()).toBe('dana-token');
    expect(store.data.has('hubToken')).toBe(true);
    expect(reconnect).toHaveBeenCalledOnce();
  });

  it('rejects a token the hub refuses, keeping nothing and staying connected as before', async () => {
    const { session, vault, reconnect, store } = setup();
    const error = await session.signIn('typo-token').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error).toHaveProperty('message', TOKEN_REFUSED);
    expect(vault.current()).toBeNull();
    expect(store.data.size).toBe(0);
    expect(reconnect).not.toHaveBeenCalled();
  });

  it('signs out by forgetting the token and reconnecting without it', async () => {
    const { session, vault, reconnect, store } = setup();
    await session.signIn('dana-token');
    await session.signOut();
    expect(vault.current()).toBeNull();
    expect(store.data.size).toBe(0);
    expect(reconnect).toHaveBeenCalledTimes(2);
  });
});
