import { z } from 'zod';
import { type Dict, emptyDict } from './dict';

// z.record builds a plain object and silently drops a `__proto__` key (it cannot store one
// safely). Label sets and severity maps are keyed by outside text, so they are parsed into
// null-prototype tables instead, keeping every key and checking every value.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export interface DictSchemaOptions {
  /** Said when the value is not a mapping at all. */
  readonly error: string;
  /** Checks (and may normalise) each key; its first issue is reported at that key. */
  readonly key?: z.ZodType<string, string>;
}

/** A mapping of text keys to `value`, parsed into a null-prototype table. */
export function dictSchema<V extends z.ZodType>(value: V, options: DictSchemaOptions) {
  return z
    .custom<Record<string, unknown>>(isPlainObject, { error: options.error })
    .transform((input, ctx): Dict<z.output<V>> => {
      const out = emptyDict<z.output<V>>();
      for (const rawKey of Object.keys(input)) {
        const key = options.key ? options.key.safeParse(rawKey) : { success: true as const, data: rawKey };
        if (!key.success) {
          ctx.addIssue({
            code: 'custom',
            path: [rawKey],
            message: key.error.issues[0]?.message ?? 'invalid key',
          });
          continue;
        }
        const parsed = value.safeParse(input[rawKey]);
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            ctx.addIssue({ code: 'custom', path: [rawKey, ...issue.path], message: issue.message });
          continue;
        }
        out[key.data] = parsed.data;
      }
      return out;
    });
}
