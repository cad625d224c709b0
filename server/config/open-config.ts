import { DEFAULT_SERVICE_LABELS } from '../../shared/config/schemas/services';
import type { SitroomConfig } from '../../shared/config/types';
import { emptyDict } from '../../shared/dict';
import { DEFAULT_SEVERITY_TABLE } from '../../shared/severity';

/** The configuration of a hub started without --config-dir: open local mode, no catalog. */
export const OPEN_CONFIG: SitroomConfig = {
  openMode: true,
  users: [],
  integrations: [],
  teams: [],
  services: [],
  rotations: [],
  policies: [],
  routes: [],
  defaultPolicy: null,
  runbooks: emptyDict(),
  serviceLabels: DEFAULT_SERVICE_LABELS,
  severityMap: DEFAULT_SEVERITY_TABLE,
  notifications: { consoleUrl: null, smtp: null },
  silenceRole: 'commander',
};
