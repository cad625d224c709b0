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
