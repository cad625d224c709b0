import type { HubInfo } from '../../shared/protocol';

// The configuration an operator pastes into their monitoring, with this hub's real URLs in it,
// so the first alert reaches the board without reading any documentation.

/** An alertmanager.yml fragment that sends every alert, and its resolution, to this hub. */
export function alertmanagerReceiverSnippet(info: HubInfo): string {
  const lines = [
    'route:',
    '  receiver: sitroom',
    '  group_by: [alertname, service]',
    'receivers:',
    '  - name: sitroom',
    '    webhook_configs:',
    `      - url: ${info.ingest.alertmanager}`,
    '        send_resolved: true',
  ];
  if (!info.openMode) {
    lines.push(
      '        http_config:',
      '          authorization:',
      '            credentials: <token of an alertmanager integration in integrations.yaml>',
    );
  }
  return lines.join('\n');
}

/** What to tell a PagerDuty Events v2 sender (Zabbix, Grafana, custom scripts). */
export function pagerdutyInstructions(info: HubInfo): string {
  return info.openMode
    ? 'Any routing_key is accepted while the hub runs in open local mode.'
    : 'Use the routing_key of a pagerduty integration in integrations.yaml.';
}
