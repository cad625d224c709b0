import { z } from 'zod';
import type { Alert } from '../domain';

// Alertmanager silence matchers: what a silence from Sitroom says, derived from an incident's
// alerts and shown to the operator to edit before it is sent. Alertmanager's own shape
// (API v2 `matchers`), so what is shown is what Alertmanager gets.

export interface SilenceMatcher {
  readonly name: string;
  readonly value: string;
  /** `=~` / `!~`: value is a regular expression Alertmanager anchors at both ends. */
  readonly isRegex: boolean;
  /** `=` / `=~` when true; `!=` / `!~` when false. */
  readonly isEqual: boolean;
}

/** A label with more distinct values than this across the alerts is left out rather than listed. */
export const MAX_ALTERNATIVES = 10;
export const MAX_MATCHERS = 32;

// Alertmanager's label names (Prometheus's, plus UTF-8 since 0.27; we keep to the classic set so
// every version takes them).
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const silenceMatcherSchema = z.strictObject({
  name: z
    .string()
    .regex(LABEL_NAME, 'must be a label name (letters, digits and _, not starting with a digit)'),
  value: z.string().max(1024),
  isRegex: z.boolean(),
  isEqual: z.boolean().default(true),
});

/** A matcher list Alertmanager will take: at least one matcher that does not match an empty value. */
export const silenceMatchersSchema = z
  .array(silenceMatcherSchema)
  .min(1, 'must list at least one matcher')
  .max(MAX_MATCHERS, `must list at most ${MAX_MATCHERS} matchers`)
  .superRefine((matchers, ctx) => {
    matchers.forEach((matcher, index) => {
      if (matcher.isRegex && compileAnchored(matcher.value) === null)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'value'],
          message: 'is not a valid regular expression',
        });
    });
    if (!matchers.some((matcher) => !matchesEmpty(matcher)))
      ctx.addIssue({
        code: 'custom',
        message:
          'must have at least one matcher that does not match an empty value (it would silence everything)',
      });
  });

/** "alertname=\"DiskFull\"", as amtool and the Alertmanager UI write it. */
export function matcherText(matcher: SilenceMatcher): string {
  const op = `${matcher.isEqual ? '=' : '!'}${matcher.isRegex ? '~' : matcher.isEqual ? '' : '='}`;
  return `${matcher.name}${op}${JSON.stringify(matcher.value)}`;
}

/**
 * The tightest matchers that still cover every alert: each label every alert carries, with its
 * one value (`=`) or an alternation of its values (`=~`, up to MAX_ALTERNATIVES, else left out).
 * Firing alerts only, unless none is firing. Empty when the alerts share no label at all.
 */
export function deriveMatchers(alerts: ReadonlyArray<Pick<Alert, 'labels' | 'status'>>): SilenceMatcher[] {
  const firing = alerts.filter((alert) => alert.status === 'firing');
  const chosen = firing.length > 0 ? firing : alerts;
  const first = chosen[0];
  if (!first) return [];
  const names = Object.keys(first.labels)
    .filter((name) => LABEL_NAME.test(name))
    .filter((name) => chosen.every((alert) => Object.hasOwn(alert.labels, name)))
    .sort(byImportance);
  const matchers: SilenceMatcher[] = [];
  for (const name of names) {
    const values = [...new Set(chosen.map((alert) => alert.labels[name] ?? ''))].sort();
    if (values.length > MAX_ALTERNATIVES) continue;
    const only = values[0] ?? '';
    matchers.push(
      values.length === 1
        ? { name, value: only, isRegex: false, isEqual: true }
        : { name, value: values.map(escapeRegex).join('|'), isRegex: true, isEqual: true },
    );
    if (matchers.length === MAX_MATCHERS) break;
  }
  // A silence whose every matcher also matches "" would silence everything: never derive one.
  return matchers.some((matcher) => !matchesEmpty(matcher)) ? matchers : [];
}

/** Reads a regex matcher's value (anchored) into a RegExp; null when it cannot be read. */
export type MatcherCompiler = (source: string) => RegExp | null;

/**
 * True when the matchers select an alert with these labels, as Alertmanager decides it. Label
 * values are alert text: run against them with a backtracking RegExp, a matcher like `(a+)+`
 * (linear in Alertmanager's RE2) takes hours. The hub passes a linear-time compiler
 * (server/silences/linear-regex.ts).
 */
export function matchesLabels(
  matchers: ReadonlyArray<SilenceMatcher>,
  labels: Readonly<Record<string, string>>,
  compile: MatcherCompiler = compileAnchored,
): boolean {
  return matchers.every((matcher) =>
    matcherMatches(matcher, Object.hasOwn(labels, matcher.name) ? (labels[matcher.name] ?? '') : '', compile),
  );
}

function matcherMatches(matcher: SilenceMatcher, value: string, compile: MatcherCompiler): boolean {
  let hit: boolean;
  if (matcher.isRegex) {
    const pattern = compile(matcher.value);
    hit = pattern?.test(value) ?? false;
  } else hit = value === matcher.value;
  return hit === matcher.isEqual;
}

function matchesEmpty(matcher: SilenceMatcher): boolean {
  return matcherMatches(matcher, '', compileAnchored);
}

/** Alertmanager anchors regex matchers (Go RE2); a pattern JavaScript cannot read is null. */
function compileAnchored(source: string): RegExp | null {
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return null;
  }
}

/** Escapes a label value for an RE2 alternation (the characters RE2 and JavaScript share). */
export function escapeRegex(value: string): string {
  return value.replace(/[\\.^$|?*+()[\]{}]/g, '\\$&');
}

// alertname first: it is what people read a silence by; then the rest alphabetically.
function byImportance(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'alertname') return -1;
  if (b === 'alertname') return 1;
  return a < b ? -1 : 1;
}
