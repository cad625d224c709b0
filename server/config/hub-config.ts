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
  /** The folder the hub runs on, or null for a hub started without one. */
  folder(): string | null;
  /**
   * A hub started without a folder takes one on from now on (the demo button's copy of
   * examples/), in open local mode. Refused, with the reason, if the hub already has one.
   */
  adopt(configDir: string): Promise<void>;
  /** Reloads the folder now (SIGHUP). */
  reload(): Promise<void>;
  /** Called after each configuration change the hub took (sessions are re-checked on it). */
  onChange(listener: () => void): void;
  close(): void;
}

export interface HubConfigOptions {
  /** Open local mode even though the folder lists users (the demo's copy of examples/). */
  readonly open?: boolean;
  /** This run's open-mode key: a console must present it to be the local admin. */
  readonly openKey?: string | null;
  /** Told how each reload after the first load ended (the hub's metrics). */
  readonly reloaded?: (outcome: 'applied' | 'invalid' | 'refused') => void;
}

/** Said at start and on each reload while users sign in but monitoring does not have to. */
export const OPEN_INGEST_WARNING =
  'WARNING: users.yaml exists but integrations.yaml lists no integrations, so any process on this machine can post alerts without credentials. List your monitoring systems in integrations.yaml.';

export async function loadHubConfig(
  configDir: string | null,
  host: string,
  log: (line: string) => void,
  options: HubConfigOptions = {},
): Promise<HubConfig> {
  const openKey = options.openKey ?? null;
  let config = OPEN_CONFIG;
  let directory = directoryFrom(config, openKey);
  let folder: string | null = null;
  let watcher: ConfigWatcher | null = null;
  const listeners: Array<() => void> = [];
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
    directory = directoryFrom(config, openKey);
    if (openIngest(config)) log(`config: ${OPEN_INGEST_WARNING}`);
    next.onInvalid(() => options.reloaded?.('invalid'));
    next.onChange((changed) => {
      const refused =
        changed.openMode && !config.openMode
          ? `users.yaml is gone from ${dir}, which would make this hub open to everyone as admin; open local mode needs a restart without users.yaml.`
          : refuseExposure(changed);
      if (refused) {
        log(`config: RELOAD REFUSED, keeping the last good configuration: ${refused}`);
        options.reloaded?.('refused');
        return;
      }
      config = changed;
      directory = directoryFrom(changed, openKey);
      log(`config: reloaded ${dir}`);
      options.reloaded?.('applied');
      if (openIngest(changed)) log(`config: ${OPEN_INGEST_WARNING}`);
      for (const listener of listeners) listener();
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
      for (const listener of listeners) listener();
    },
    reload: async () => {
      await watcher?.reload();
    },
    onChange: (listener) => listeners.push(listener),
    close: () => watcher?.close(),
  };
}

/** Users must sign in, yet any local process may post alerts. */
export function openIngest(config: SitroomConfig): boolean {
  return !config.openMode && config.integrations.length === 0;
}
