import { z } from 'zod';
import { dictSchema } from '../../dict-schema';
import { SEVERITIES } from '../../domain';

// Building blocks shared by every file's schema. Messages are written for the person editing
// the YAML: the loader prefixes them with the file, line and the entry they belong to.

const SLUG = /^[a-z0-9][a-z0-9._-]*$/;

/** Ids are lowercase slugs so they read the same in YAML, URLs and notify targets. */
export const id = z
  .string({ error: 'must be a text id' })
  .max(128, { error: 'must be at most 128 characters' })
  .regex(SLUG, {
    error: 'must be a lowercase slug: letters a-z, digits, ".", "_" or "-", starting with a letter or digit',
  });

export const text = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'must be at most 200 characters' });

/** A SHA-256 digest in hex; stored lowercase so comparisons are byte-for-byte. */
export const sha256Hex = z
  .string({ error: 'must be a SHA-256 digest in hex' })
  .regex(/^[0-9a-fA-F]{64}$/, {
    error: 'must be 64 hex characters (the SHA-256 of the token, not the token)',
  })
  .transform((hex) => hex.toLowerCase());

/** Loopback names and addresses as URL.hostname spells them (IPv6 in brackets). */
const LOOPBACK_HOSTNAME = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Paging and chat webhooks carry secrets in their URLs, so plain http is refused — except to this
 * machine's loopback, which never crosses a network: a local relay, or a test's receiver.
 */
export const httpsUrl = z.string({ error: 'must be an https:// URL' }).refine(
  (value) => {
    if (!URL.canParse(value)) return false;
    const { protocol, hostname } = new URL(value);
    if (protocol === 'http:') return LOOPBACK_HOSTNAME.test(hostname);
    return protocol === 'https:' && z.regexes.hostname.test(hostname);
  },
  { error: 'must be an https:// URL' },
);

export const severity = z.enum(SEVERITIES, { error: 'must be one of sev1, sev2, sev3, sev4' });

/** Monitoring words onto sev1…sev4; words are matched case-insensitively, so keys are lowercased. */
export const severityMap = dictSchema(severity, {
  error: 'must be a mapping from severity words to sev1…sev4',
  key: z
    .string()
    .trim()
    .min(1, { error: 'severity words must not be empty' })
    .transform((word) => word.toLowerCase()),
});

/** A list that may be left out. YAML's `key:` with nothing after it also means "none". */
export const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item, { error: 'must be a list' })
    .nullish()
    .transform((items) => items ?? []);

/** A whole file's top level; an empty file is a file with nothing in it. */
export const fileObject = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess(
    (value) => value ?? {},
    z.strictObject(shape, { error: 'must be a mapping of keys to values' }),
  );
