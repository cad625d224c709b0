import type { SitroomConfig } from '../../shared/config/types';
import { directoryFrom } from '../auth/config-directory';
import type { Directory } from '../auth/directory';
import { isLoopback, OptionsError } from '../options';
import { formatConfigError } from './load';
import { OPEN_CONFIG } from './open-config';
import { ConfigWatcher } from './watcher';

// The configuration the running hub works from, kept current by the folder watcher. A reload
// that would open a configured hub (users.yaml removed or emptied of meaning) is refused like any
// other bad reload, whatever it listens on: the last good configuration stays, and open local
// mode needs a restart without users.yaml. A hub listening beyond loopback also refuses a
// configuration without integration credentials.

export interface HubConfig {
  current(): SitroomConfig;
  directory(): Directory;
  /** Reloads the folder now (SIGHUP). */
  reload(): Promise<void>;
  /** Called after each configuration change the hub took (sessions are re-checked on it). */
  onChange(listener: () => void): void;
  close(): void;
}

/** Said at start and on each reload while users sign in but monitoring does not have to. */
export const OPEN_INGEST_WARNING =
  'WARNING: users.yaml exists but integrations.yaml lists no integrations, so any process on this machine can post alerts without credentials. List your monitoring systems in integrations.yaml.';

export async function loadHubConfig(
  configDir: string | null,
  host: string,
  log: (line: string) => void,
  openKey: string | null = null,
): Promise<HubConfig> {
  let config = OPEN_CONFIG;
  let directory = directoryFrom(config, openKey);
  const listeners: Array<() => void> = [];
  const exposed = !isLoopback(host);
  const refuseExposure = (candidate: SitroomConfig): string | null => {
    if (!exposed) return null;
    if (candidate.openMode) {
      return `--host ${host} is not loopback: with no users.yaml the hub runs in open local mode (everyone is admin), so it only listens on 127.0.0.1 or ::1.`;
    }
    if (candidate.integrations.length === 0) {
      return `--host ${host} is not loopback: list the monitoring integrations and their credentials in integrations.yaml, or anyone on the network could inject alerts.`;
    }
    return null;
  };
  if (!configDir) {
    const refusal = refuseExposure(config);
    if (refusal) throw new OptionsError(refusal);
    return {
      current: () => config,
      directory: () => directory,
      reload: async () => {},
      onChange: () => {},
      close: () => {},
    };
  }

  const watcher = new ConfigWatcher(configDir, { log });
  const first = await watcher.start();
  if (!first.ok) {
    watcher.close();
    throw new OptionsError(
      `the configuration in ${configDir} has mistakes:\n${first.errors.map((e) => `  ${formatConfigError(e)}`).join('\n')}`,
    );
  }
  const refusal = refuseExposure(first.config);
  if (refusal) {
    watcher.close();
    throw new OptionsError(refusal);
  }
  config = first.config;
  directory = directoryFrom(config, openKey);
  if (openIngest(config)) log(`config: ${OPEN_INGEST_WARNING}`);
  watcher.onChange((next) => {
    const refused =
      next.openMode && !config.openMode
        ? `users.yaml is gone from ${configDir}, which would make this hub open to everyone as admin; open local mode needs a restart without users.yaml.`
        : refuseExposure(next);
    if (refused) {
      log(`config: RELOAD REFUSED, keeping the last good configuration: ${refused}`);
      return;
    }
    config = next;
    directory = directoryFrom(next, openKey);
    log(`config: reloaded ${configDir}`);
    if (openIngest(next)) log(`config: ${OPEN_INGEST_WARNING}`);
    for (const listener of listeners) listener();
  });
  return {
    current: () => config,
    directory: () => directory,
    reload: async () => {
      await watcher.reload();
    },
    onChange: (listener) => listeners.push(listener),
    close: () => watcher.close(),
  };
}

/** Users must sign in, yet any local process may post alerts. */
export function openIngest(config: SitroomConfig): boolean {
  return !config.openMode && config.integrations.length === 0;
}
