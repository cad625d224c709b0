// Links come from alerts, notes and runbooks: untrusted text. Only absolute http(s) URLs become
// clickable; javascript:, data:, file:, relative paths and anything the URL parser rejects stay
// plain text. The URL parser decides, not a regex, so "java\tscript:" or " JAVASCRIPT:" cannot
// slip through by looking different from what the browser would run.

const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** The normalised URL when `href` is an absolute http: or https: URL, else null. */
export function safeHref(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}
