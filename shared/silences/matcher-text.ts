import { MAX_SILENCE_MINUTES } from '../commands';
import { matcherText, type SilenceMatcher, silenceMatchersSchema } from './matchers';

// The silence dialog's two typed fields, read the way NOC people already write them: matchers one
// per line as amtool and the Alertmanager UI print them (`alertname="DiskFull"`, `instance=~"db.*"`),
// and a duration as "30m", "2h", "1d" or "90" (minutes).

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

const MATCHER_LINE = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** The matchers as editable text, one per line. */
export function matchersToText(matchers: ReadonlyArray<SilenceMatcher>): string {
  return matchers.map(matcherText).join('\n');
}

/** Matchers from text, one per line; blank lines are skipped. The message names the line. */
export function parseMatchers(text: string): Parsed<SilenceMatcher[]> {
  const matchers: SilenceMatcher[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const match = MATCHER_LINE.exec(line);
    if (!match) return { ok: false, message: `Line ${index + 1}: write name="value" (or =~, !=, !~).` };
    const [, name = '', op = '=', raw = ''] = match;
    const value = unquote(raw);
    if (value === null)
      return { ok: false, message: `Line ${index + 1}: the value must be in double quotes.` };
    matchers.push({ name, value, isRegex: op.endsWith('~'), isEqual: op.startsWith('=') });
  }
  const checked = silenceMatchersSchema.safeParse(matchers);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const at = typeof issue?.path[0] === 'number' ? `Line ${lineOf(lines, issue.path[0])}: ` : '';
    return {
      ok: false,
      message: `${at}${String(issue?.path[1] ?? 'matchers')} ${issue?.message ?? 'are not valid'}.`,
    };
  }
  return { ok: true, value: checked.data };
}

/** Minutes from "45", "45m", "2h", "1d", "1h30m"; within 1 minute and MAX_SILENCE_MINUTES. */
export function parseDuration(text: string): Parsed<number> {
  const trimmed = text.trim().toLowerCase();
  const whole = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m?)?$/.exec(trimmed);
  if (trimmed === '' || !whole) return { ok: false, message: 'Write a duration such as 30m, 2h or 1d.' };
  const [, days = '0', hours = '0', minutes = '0'] = whole;
  const total = Number(days) * 1440 + Number(hours) * 60 + Number(minutes);
  if (total < 1) return { ok: false, message: 'A silence lasts at least a minute.' };
  if (total > MAX_SILENCE_MINUTES)
    return { ok: false, message: `A silence from Sitroom lasts at most ${MAX_SILENCE_MINUTES / 1440} days.` };
  return { ok: true, value: total };
}

/** "2h 30m" — how long a silence lasts, for the dialog's confirmation line. */
export function durationText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days}d` : '', hours ? `${hours}h` : '', rest ? `${rest}m` : ''].filter(Boolean).join(' ');
}

function unquote(raw: string): string | null {
  if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The 1-based text line of the n-th matcher (blank lines do not count as matchers). */
function lineOf(lines: ReadonlyArray<string>, matcherIndex: number): number {
  let seen = -1;
  for (const [index, line] of lines.entries()) {
    if (line.trim() !== '') seen++;
    if (seen === matcherIndex) return index + 1;
  }
  return lines.length;
}
