// Pretty output for a person at a terminal: one line per record, the level coloured, extra
// fields below it, aligned as the hub's start-up banner always was. pino writes JSON; this turns
// each record back into text (a terminal sees few lines, so parsing them again costs nothing).

const LEVEL_COLOUR: ReadonlyMap<string, string> = new Map([
  ['fatal', '\x1b[41m'],
  ['error', '\x1b[31m'],
  ['warn', '\x1b[33m'],
  ['info', '\x1b[32m'],
  ['debug', '\x1b[36m'],
  ['trace', '\x1b[90m'],
]);
const RESET = '\x1b[0m';
/** Fields every record has, shown in the first line or not at all. */
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'component']);

/** One JSON record as pretty text (with a trailing newline); a line that is not JSON as it came. */
export function prettyRecord(json: string, colour: boolean): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = String(record.level ?? 'info');
  const label = level.toUpperCase().padEnd(5);
  const time = typeof record.time === 'string' ? record.time.slice(11, 23) : '';
  const lines = [
    `${time} ${colour ? `${LEVEL_COLOUR.get(level) ?? ''}${label}${RESET}` : label} ${record.msg ?? ''}`,
  ];
  for (const [key, value] of Object.entries(record)) {
    if (HIDDEN.has(key)) continue;
    if (key === 'err' && typeof value === 'object' && value !== null && 'stack' in value) {
      lines.push(`  ${String((value as { stack: unknown }).stack).replace(/\n/g, '\n  ')}`);
      continue;
    }
    lines.push(`  ${`${key}:`.padEnd(14)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
