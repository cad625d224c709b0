// What never reaches a log line: credentials in URLs, Bearer tokens, token-like query parameters
// and the values of secrets the hub was given (the open-mode key, HMAC secrets and passwords from
// the environment). Log lines are prose written at many call sites; scrubbing them at the one
// place they all pass (hub-logger.ts) keeps a careless `${url}` from leaking one.

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // scheme://user:password@host → scheme://user:***@host
  [/([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi, '$1***@'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 ***'],
  // ?token=…, &access_token=…, #token=…, password=…, secret=…, key=…
  [/([?&#;](?:[a-z_]*token|password|passwd|secret|key|sig|signature)=)[^\s&#"']+/gi, '$1***'],
];

/** Environment variables whose names say they hold a secret. */
const SECRET_NAME = /(SECRET|TOKEN|PASSWORD|PASSWD|_KEY|DATABASE_URL)$/i;
/** Shorter values would blank ordinary words out of the log. */
const MIN_SECRET_LENGTH = 8;

export class SecretScrubber {
  private readonly secrets = new Set<string>();

  /** Scrubs `value` wherever it appears from now on. */
  add(value: string | null | undefined): void {
    if (value && value.length >= MIN_SECRET_LENGTH) this.secrets.add(value);
  }

  /** Adds the values of environment variables named like secrets (SITROOM_OPEN_KEY, *_SECRET…). */
  addFromEnvironment(env: NodeJS.ProcessEnv): void {
    for (const [name, value] of Object.entries(env)) {
      if (!SECRET_NAME.test(name) || !value) continue;
      this.add(value);
      // A database URL's password is the secret; the rest of the URL is worth seeing.
      const password = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]+)@/i.exec(value)?.[1];
      if (password) this.add(decodeURIComponentSafe(password));
    }
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('***');
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
