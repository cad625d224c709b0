// Every message says where the incident is: the console's public address (notifications.yaml
// `console_url`, else the hub's own) with `?incident=INC-4`, which the console opens at start.
// The id is the hub's own (INC-n), encoded anyway: nothing from an alert goes into the URL.

/** "https://noc.example.org/?incident=INC-4", or null when the hub knows no address for its console. */
export function incidentLink(consoleUrl: string | null, incidentId: string): string | null {
  if (consoleUrl === null || consoleUrl === '') return null;
  const url = new URL(consoleUrl);
  url.search = `?incident=${encodeURIComponent(incidentId)}`;
  url.hash = '';
  return url.href;
}
