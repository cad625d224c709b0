import type { SafeStorage } from 'electron';
import type { TokenCipher } from './token-vault';

/**
 * Electron's safeStorage as the vault's cipher. On Linux without a keyring, safeStorage falls
 * back to 'basic_text': a key hard-coded in Chromium, which reports itself available but
 * protects nothing, so it counts as unavailable here and the token stays in memory only.
 */
export function safeStorageCipher(safeStorage: SafeStorage, platform: NodeJS.Platform): TokenCipher {
  return {
    isEncryptionAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    // The synchronous calls are deprecated in favour of the async ones; the vault reads the token
    // once at start-up and writes it on sign-in, so blocking is harmless. Moving to the async
    // API only changes this adapter and TokenVault.load/keep.
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
