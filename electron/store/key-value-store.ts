// The slice of electron-store (and of conf, its engine, which the Node tests use) that Sitroom's
// persistence logic needs. Keeping the logic behind this interface is what lets it be tested
// against the real engine without Electron.

/** A synchronous JSON key-value store backed by one file. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}
