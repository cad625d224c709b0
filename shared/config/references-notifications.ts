import { CONFIG_FILES, type ConfigFiles, type ConfigProblem } from './files';
import type { ServicesFile } from './schemas/services';

// A team told by email needs a mail server: without notifications.yaml's `smtp` every message
// to it would fail at send time, long after the config was accepted. Said at the channel's line.

/** Every `email` notify entry when notifications.yaml has no `smtp`. */
export function checkEmailChannels(services: ServicesFile, files: ConfigFiles): ConfigProblem[] {
  // notifications.yaml with errors of its own is reported there; nothing to add here.
  if (files.notifications === null || files.notifications.smtp !== null) return [];
  return services.teams.flatMap((team, t) =>
    team.notify.flatMap((channel, n) =>
      channel.kind === 'email'
        ? [
            {
              file: CONFIG_FILES.services,
              path: ['teams', t, 'notify', n, 'email'],
              message: `team "${team.id}" is told by email, but ${CONFIG_FILES.notifications} has no smtp server to send it`,
            },
          ]
        : [],
    ),
  );
}
