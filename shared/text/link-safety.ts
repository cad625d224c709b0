// Links come from alerts, notes and runbooks: untrusted text. Only absolute http(s) URLs become
// clickable; javascript:, data:, file:, relative paths and anything the URL parser rejects stay
// plain text. The URL parser decides, not a regex, so "java\tscript:" or " JAVASCRIPT:" cannot
// slip through by looking different from what the browser would run. A URL with credentials
// ("https://grafana.example@evil.example/", "https://user:pw@host/") is refused too: the part
// before "@" is what a reader takes for the host, and a password in a link is a leak either way.

const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** The normalised URL when `href` is an absolute http: or https: URL without credentials, else null. */
export function safeHref(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** The host a safe link leads to, as the reader should see it beside the link ("grafana.noc.example:3000"). */
export function safeHost(href: string): string {
  try {
    return new URL(href).host;
  } catch {
    return '';
  }
}
