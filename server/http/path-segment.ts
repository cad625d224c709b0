// Paths arrive percent-encoded, and a malformed escape ("%E0%A4%A", "%zz") makes
// decodeURIComponent throw: that must be the caller's 400 or 404, never a 500.

/** The decoded segment, or null when its %-escapes are malformed. */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * A request target of only letters, digits, `_`, `-` and `/` (not starting `//`, which a URL
 * reads as a host) has no query, no escapes and no dot segments: URL parsing gives it back
 * unchanged as the pathname, so it can be used as is.
 */
const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9_\-/]*$/;

export function isPlainPath(target: string): boolean {
  return PLAIN_PATH.test(target);
}
