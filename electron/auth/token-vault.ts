import { z } from 'zod';
import type { KeyValueStore } from '../store/key-value-store';

// The console's hub token. On disk it only ever exists sealed by the OS keychain (Electron's
// safeStorage: Keychain, DPAPI, libsecret/kwallet), base64 in settings.json. Where the OS offers
// no real encryption the token stays in memory for this run and is never written: an operator
// re-entering a token after a restart is a nuisance, a plaintext token on disk is a credential leak.

/** The slice of Electron's safeStorage the vault needs (injected, so it is tested in Node). */
export interface TokenCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface TokenVaultOptions {
  readonly store: KeyValueStore;
  readonly cipher: TokenCipher;
  /**
   * Which hub the token is for. A token is only ever sent to the hub it was accepted by: after
   * the console is pointed at another hub, the stored one stays unused rather than being
   * handed to a server that never issued it.
   */
  readonly hub: string;
  readonly log: (message: string) => void;
}

export const TOKEN_KEY = 'hubToken';
const sealedTokenSchema = z.object({ hub: z.string(), sealed: z.base64().min(1) });

export class TokenVault {
  private token: string | null = null;

  constructor(private readonly options: TokenVaultOptions) {}

  /** Unseals the stored token, if there is one for this hub. Call after app ready (safeStorage needs it). */
  load(): void {
    const { store, cipher, hub, log } = this.options;
    const raw = store.get(TOKEN_KEY);
    if (raw === undefined) return;
    const parsed = sealedTokenSchema.safeParse(raw);
    if (!parsed.success) {
      log('discarding the stored hub token: it is not in the expected format');
      store.delete(TOKEN_KEY);
      return;
    }
    if (parsed.data.hub !== hub) {
      log(`not using the stored hub token: it was accepted by ${parsed.data.hub}, not ${hub}`);
      return;
    }
    if (!cipher.isEncryptionAvailable()) {
      // Kept: the keychain may be back next run (a locked keyring at login, for instance).
      log('cannot unseal the stored hub token: OS encryption is unavailable; sign in again');
      return;
    }
    try {
      this.token = cipher.decryptString(Buffer.from(parsed.data.sealed, 'base64')) || null;
    } catch (error) {
      // Another user's keychain, a reinstalled OS, a copied profile: it will never decrypt.
      log(`discarding the stored hub token: it could not be decrypted (${String(error)})`);
      store.delete(TOKEN_KEY);
    }
  }

  /** The token to send to the hub, or null. */
  current(): string | null {
    return this.token;
  }

  /** Keeps a token the hub accepted; resolves whether it will survive a restart. */
  keep(token: string): boolean {
    const { store, cipher, hub, log } = this.options;
    this.token = token;
    if (cipher.isEncryptionAvailable()) {
      try {
        store.set(TOKEN_KEY, { hub, sealed: cipher.encryptString(token).toString('base64') });
        return true;
      } catch (error) {
        log(`could not seal the hub token (${String(error)})`);
      }
    }
    // An older sealed token (maybe another person's) must not come back after a restart either.
    store.delete(TOKEN_KEY);
    log(
      'warning: OS encryption (safeStorage) is unavailable, so the hub token is kept in memory only ' +
        'and must be entered again after a restart; it was not written to disk',
    );
    return false;
  }

  /** Forgets the token, in memory and on disk. */
  forget(): void {
    this.token = null;
    this.options.store.delete(TOKEN_KEY);
  }
}
