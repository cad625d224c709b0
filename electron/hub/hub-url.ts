import { z } from 'zod';

// The address of a shared hub, from SITROOM_HUB_URL or the settings file. A token travels with
// every request to it, so it must be https — plain http only to this machine's loopback, which
// never crosses a network — and it must not carry a user name or password (they would end up in
// logs and in the settings file). Problems are described without repeating the address, which
// might hold exactly such a secret.

const LOOPBACK_HOSTNAME = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Why `raw` is not a hub address the console will use, or null when it is one. */
export function hubUrlProblem(raw: string): string | null {
  const url = URL.parse(raw);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    return 'is not an http(s) URL (e.g. https://hub.example.org:7420)';
  if (url.username !== '' || url.password !== '')
    return 'must not carry a user name or password; the console signs in with a token';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTNAME.test(url.hostname))
    return 'must be https:// for a hub on another machine (plain http only to 127.0.0.1 or localhost), or tokens cross the network in clear';
  if (raw.length > 2048) return 'is longer than 2048 characters';
  return null;
}

/** The hub address as a zod schema (the settings file is read through it). */
export const hubUrlSchema = z.string().superRefine((raw, ctx) => {
  const problem = hubUrlProblem(raw);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
