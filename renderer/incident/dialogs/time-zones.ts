// Time zones offered for exports: UTC (the default: reviews span teams in many zones), the
// console's own zone, and the zones NOCs commonly hand over between.

export const COMMON_TIME_ZONES: ReadonlyArray<string> = [
  'UTC',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Helsinki',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

/** The zones to offer, UTC first and the browser's own zone next, each once. */
export function exportTimeZones(browserZone: string | undefined): ReadonlyArray<string> {
  const zones = ['UTC'];
  if (browserZone && browserZone !== 'UTC' && browserZone !== 'Etc/UTC') zones.push(browserZone);
  for (const zone of COMMON_TIME_ZONES) if (!zones.includes(zone)) zones.push(zone);
  return zones;
}

/** The zone this console runs in, when the browser says. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
