import { createHash } from 'node:crypto';
import type { SitroomConfig } from '../../shared/config/types';

// A short fingerprint of the configuration a hub works from, for /healthz: hubs sharing one log
// must run the same configuration folder, or one pages people the others never would. The
// loaded configuration is hashed (not the files), so formatting and comments do not count.

const hashes = new WeakMap<SitroomConfig, string>();

export function configHash(config: SitroomConfig): string {
  let hash = hashes.get(config);
  if (!hash) {
    hash = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
    hashes.set(config, hash);
  }
  return hash;
}
