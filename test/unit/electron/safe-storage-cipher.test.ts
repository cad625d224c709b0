import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { safeStorageCipher } from '../../../electron/auth/safe-storage-cipher';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** Only the members the adapter calls; the rest of SafeStorage is never touched. */
function fakeSafeStorage(available: boolean, backend: Backend): SafeStorage {
  const fake: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
  > = {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plainText) => Buffer.from(plainText).reverse(),
    decryptString: (sealed) => Buffer.from(sealed).reverse().toString(),
  };
  return fake as SafeStorage;
}

describe('safeStorage as the token cipher', () => {
  it('counts a real keychain as encryption', () => {
    expect(safeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux').isEncryptionAvailable()).toBe(
      true,
    );
    expect(safeStorageCipher(fakeSafeStorage(true, 'unknown'), 'darwin').isEncryptionAvailable()).toBe(true);
  });

  it("does not count Linux's basic_text fallback, whose key is public", () => {
    expect(safeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux').isEncryptionAvailable()).toBe(
      false,
    );
  });

  it('does not count an unavailable keychain', () => {
    expect(safeStorageCipher(fakeSafeStorage(false, 'kwallet5'), 'linux').isEncryptionAvailable()).toBe(
      false,
    );
  });

  it('passes sealing and unsealing through', () => {
    const cipher = safeStorageCipher(fakeSafeStorage(true, 'kwallet6'), 'linux');
    expect(cipher.decryptString(cipher.encryptString('dana-token'))).toBe('dana-token');
  });
});
