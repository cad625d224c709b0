// --database-url read as node-postgres (pg-connection-string) reads it, for the checks at start,
// the log's scrubber and what /healthz says. WHATWG's URL refuses a user with an empty host
// (`postgres://sitroom@/noc?host=/run/postgresql`, how a hub names its user and database on a
// local server's socket), which node-postgres takes by putting a stand-in host there; so do we.

const STAND_IN_HOST = '___DUMMY___';

/** The URL as node-postgres parses it, or null when it cannot. */
export function parseDatabaseUrl(url: string): URL | null {
  const whole = URL.parse(url);
  if (whole !== null) return whole;
  return URL.parse(url.replace('@/', `@${STAND_IN_HOST}/`));
}

/** `parsed` written back, without the stand-in host parseDatabaseUrl may have put in. */
export function formatDatabaseUrl(parsed: URL): string {
  const text = parsed.toString();
  if (parsed.hostname !== STAND_IN_HOST) return text;
  // The host comes right after "//" or the user info's "@", before the path.
  return text.replace(new RegExp(`(//|@)${STAND_IN_HOST}(?=/)`), '$1');
}

const HIDDEN = 'hidden';

/**
 * Query parameters that carry a secret: libpq and node-postgres read password and sslpassword;
 * any other name with "pass" in it, in any case, is hidden too, as a guard against options to come.
 */
const isSecretParameter = (name: string): boolean => /pass/i.test(name);

/** The URL without its password (in the user part or as a parameter), for logs and /healthz. */
export function describeUrl(url: string): string {
  const parsed = parseDatabaseUrl(url);
  if (parsed === null) return 'postgresql (unparsable URL)';
  parsed.password = '';
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()])
    if (isSecretParameter(name)) parsed.searchParams.set(name, HIDDEN);
  return formatDatabaseUrl(parsed);
}

/** The secrets in a database URL (its password, wherever it is given), for the log's scrubber. */
export function secretsOfUrl(url: string): string[] {
  const parsed = parseDatabaseUrl(url);
  if (parsed === null) return [];
  const secrets = [
    parsed.password,
    ...[...parsed.searchParams].filter(([name]) => isSecretParameter(name)).map(([, value]) => value),
  ];
  return secrets
    .map((secret) => {
      try {
        return decodeURIComponent(secret);
      } catch {
        return secret;
      }
    })
    .filter((secret) => secret !== '');
}
