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
  /** The folder the hub runs on, or null for a hub started without one. */
  folder(): string | null;
  /**
   * A hub started without a folder takes one on from now on (the demo button's copy of
   * examples/), in open local mode. Refused, with the reason, if the hub already has one.
   */
  adopt(configDir: string): Promise<void>;
  /** Reloads the folder now (SIGHUP). */
  reload(): Promise<void>;
  close(): void;
}

export interface HubConfigOptions {
  /** Open local mode even though the folder lists users (the demo's copy of examples/). */
  readonly open?: boolean;
}

export async function loadHubConfig(
  configDir: string | null,
  host: string,
  log: (line: string) => void,
  options: HubConfigOptions = {},
): Promise<HubConfig> {
  let config = OPEN_CONFIG;
  let directory = directoryFrom(config);
  let folder: string | null = null;
  let watcher: ConfigWatcher | null = null;
  const exposed = !isLoopback(host);
  const refuseExposure = (candidate: SitroomConfig): string | null => {
    if (!exposed) return null;
    if (candidate.openMode) {
      return `--host ${host} is not loopback: in open local mode (no users.yaml, or the demo) everyone is admin, so the hub only listens on 127.0.0.1 or ::1.`;
    }
    if (candidate.integrations.length === 0) {
      return `--host ${host} is not loopback: list the monitoring integrations and their credentials in integrations.yaml, or anyone on the network could inject alerts.`;
    }
    return null;
  };

  const watch = async (dir: string, open: boolean): Promise<void> => {
    const next = new ConfigWatcher(dir, { log, open });
    const first = await next.start();
    if (!first.ok) {
      next.close();
      throw new OptionsError(
        `the configuration in ${dir} has mistakes:\n${first.errors.map((e) => `  ${formatConfigError(e)}`).join('\n')}`,
      );
    }
    const refusal = refuseExposure(first.config);
    if (refusal) {
      next.close();
      throw new OptionsError(refusal);
    }
    watcher = next;
    folder = dir;
    config = first.config;
    directory = directoryFrom(config);
    next.onChange((changed) => {
      const refused = refuseExposure(changed);
      if (refused) {
        log(`config: reload refused, keeping the last good configuration: ${refused}`);
        return;
      }
      config = changed;
      directory = directoryFrom(changed);
      log(`config: reloaded ${dir}`);
    });
  };

  if (configDir) await watch(configDir, options.open === true);
  else {
    const refusal = refuseExposure(config);
    if (refusal) throw new OptionsError(refusal);
  }
  return {
    current: () => config,
    directory: () => directory,
    folder: () => folder,
    adopt: async (dir) => {
      if (folder !== null) throw new OptionsError(`the hub already runs on the configuration in ${folder}`);
      await watch(dir, true);
    },
    reload: async () => {
      await watcher?.reload();
    },
    close: () => watcher?.close(),
  };
}
