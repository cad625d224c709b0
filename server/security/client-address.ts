import { isIP } from 'node:net';

// Who sent a request, for the rate limits. Behind a reverse proxy every request arrives from the
// proxy, so counting by the peer would lock a whole NOC out after one person's ten wrong tokens.
// Only proxies the operator named (--trusted-proxy) are believed: anyone else can write any
// X-Forwarded-For they like.

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy; then the rightmost
 * X-Forwarded-For entry that is not itself a trusted proxy (proxies append, so entries left of
 * the first untrusted one were written by the client and prove nothing).
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: ReadonlySet<string>,
): string | undefined {
  // No proxies trusted (the usual case): the peer, without reading its address on every request.
  if (peer === undefined || trustedProxies.size === 0 || !trustedProxies.has(plainAddress(peer))) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i] as string);
    // Something that is not an address was not written by a proxy we trust: stop believing here.
    if (isIP(hop) === 0) return peer;
    if (!trustedProxies.has(hop)) return hop;
  }
  return peer;
}

/** An address as the proxy list names it: IPv4-mapped IPv6 and brackets removed, lower case. */
export function plainAddress(address: string): string {
  const unbracketed = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(unbracketed);
  return (mapped?.[1] ?? unbracketed).toLowerCase();
}
