import type { SitroomConfig } from '../../shared/config/types';
import { directoryFrom } from '../auth/config-directory';
import type { Directory } from '../auth/directory';
import { isLoopback, OptionsError } from '../options';
import { formatConfigError } from './load';
import { OPEN_CONFIG } from './open-config';
import { ConfigWatcher } from './watcher';

// The configuration the running hub works from, kept current by the folder watcher. A reload
// that would open a hub listening beyond loopback to everyone (users.yaml removed) is refused
// like any other bad reload: the last good configuration stays.

export interface HubConfig {
  current(): SitroomConfig;
  directory(): Directory;
  /** Reloads the folder now (SIGHUP). */
  reload(): Promise<void>;
  close(): void;
}

export async function loadHubConfig(
  configDir: string | null,
  host: string,
  log: (line: string) => void,
): Promise<HubConfig> {
  let config = OPEN_CONFIG;
  let directory = directoryFrom(config);
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
    return { current: () => config, directory: () => directory, reload: async () => {}, close: () => {} };
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
  directory = directoryFrom(config);
  watcher.onChange((next) => {
    const refused = refuseExposure(next);
    if (refused) {
      log(`config: reload refused, keeping the last good configuration: ${refused}`);
      return;
    }
    config = next;
    directory = directoryFrom(next);
    log(`config: reloaded ${configDir}`);
  });
  return {
    current: () => config,
    directory: () => directory,
    reload: async () => {
      await watcher.reload();
    },
    close: () => watcher.close(),
  };
}
