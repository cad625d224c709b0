// A request that never had an answer from the hub: the browser says "Failed to fetch" (Chromium)
// or "NetworkError when attempting to fetch resource" (Firefox), words that explain nothing to an
// operator. Views say "the hub cannot be reached" instead.

export function hubUnreachable(error: unknown): boolean {
  return error instanceof Error && error.name === 'TypeError' && /fetch|network/i.test(error.message);
}
