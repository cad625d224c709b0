import type { LevelWithSilent } from 'pino';

// The hub's log lines are prose, `component: what happened`, written at many call sites through a
// `log(line)` function. Rather than give every call site a level, the level and component are read
// off the line: the words the hub already uses for trouble say how bad it is.

const ERROR = /\b(failed|could not|unclean|crashed|stopped \(exit|not durable)\b/i;
const WARNING =
  /\b(WARNING|[Ww]arning|REFUSED|refused|unreadable|unavailable|faster than allowed|took over|no longer|cannot|timed out|ECONN[A-Z]+|network error|HTTP [45]\d\d)\b|\berror\(s\)/;
/** `config: services.yaml:18: …`: one mistake in a folder the hub will not load (the watcher's words). */
const CONFIG_MISTAKE = /^config: [\w./-]+:\d+: /;

export type LineLevel = Extract<LevelWithSilent, 'error' | 'warn' | 'info'>;

/** The level a line of hub prose deserves. */
export function levelOfLine(line: string): LineLevel {
  if (ERROR.test(line)) return 'error';
  if (WARNING.test(line) || CONFIG_MISTAKE.test(line)) return 'warn';
  return 'info';
}

/** `store` from `store: the snapshot …`; null for a line without a component prefix. */
export function componentOfLine(line: string): string | null {
  return /^([a-z][a-z0-9-]{1,20}):\s/.exec(line)?.[1] ?? null;
}
