import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';
import { componentOfLine, levelOfLine } from './line-level';
import { prettyRecord } from './pretty-lines';
import { SecretScrubber } from './secret-scrubber';

// The hub's logger: pino, one JSON record per line on stdout (what journald, Docker and a log
// shipper want), or pretty lines when stdout is a terminal. The hub's existing `log(line)`
// functions and stray console calls are routed through it, so every call site gets a level, a
// component and secret scrubbing without being rewritten.

export type LogFormat = 'json' | 'pretty';
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class LogSettingsError extends Error {}

export interface HubLogSettings {
  readonly format: LogFormat;
  readonly level: (typeof LEVELS)[number];
}

/** SITROOM_LOG_FORMAT (json | pretty; pretty on a terminal by default) and SITROOM_LOG_LEVEL. */
export function logSettingsFrom(env: NodeJS.ProcessEnv, isTerminal: boolean): HubLogSettings {
  const format = env.SITROOM_LOG_FORMAT || (isTerminal ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty')
    throw new LogSettingsError(`SITROOM_LOG_FORMAT must be json or pretty, not "${format}"`);
  const level = env.SITROOM_LOG_LEVEL || 'info';
  if (!(LEVELS as ReadonlyArray<string>).includes(level))
    throw new LogSettingsError(`SITROOM_LOG_LEVEL must be one of ${LEVELS.join(', ')}, not "${level}"`);
  return { format, level: level as HubLogSettings['level'] };
}

export interface HubLogger {
  readonly pino: Logger;
  readonly scrubber: SecretScrubber;
  /** A `log(line)` for the hub's call sites: level and component read off the line, secrets scrubbed. */
  line(text: string): void;
  /** Sends console.log/info/warn/error/debug of this process through the logger. */
  takeOverConsole(): void;
}

export function createHubLogger(
  settings: HubLogSettings,
  options: { readonly destination?: { write(text: string): unknown }; readonly colour?: boolean } = {},
): HubLogger {
  const scrubber = new SecretScrubber();
  const out =
    options.destination ??
    (settings.format === 'json' ? pino.destination({ dest: 1, sync: true }) : process.stdout);
  const destination: DestinationStream =
    settings.format === 'pretty'
      ? { write: (record: string) => void out.write(prettyRecord(record, options.colour ?? false)) }
      : { write: (record: string) => void out.write(record) };
  const logger = pino(
    {
      level: settings.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Structured fields that could carry credentials, should a call site ever log a request.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'token',
          'password',
        ],
        censor: '***',
      },
    },
    destination,
  );
  const write = (level: 'error' | 'warn' | 'info' | 'debug', args: ReadonlyArray<unknown>): void => {
    const error = args.find((arg): arg is Error => arg instanceof Error);
    const text = scrubber.scrub(format(...args.filter((arg) => arg !== error)));
    const component = componentOfLine(text);
    const fields: Record<string, unknown> = component ? { component } : {};
    if (error)
      fields.err = {
        type: error.name,
        message: scrubber.scrub(error.message),
        stack: scrubber.scrub(error.stack ?? ''),
      };
    logger[level](fields, text);
  };
  return {
    pino: logger,
    scrubber,
    line: (text) => write(levelOfLine(text), [text]),
    takeOverConsole() {
      console.log = (...args: unknown[]) => write(levelOfText(args), args);
      console.info = console.log;
      console.warn = (...args: unknown[]) => write('warn', args);
      console.error = (...args: unknown[]) =>
        write(args.some((arg) => arg instanceof Error) ? 'error' : levelOfText(args, 'warn'), args);
      console.debug = (...args: unknown[]) => write('debug', args);
    },
  };
}

/** The level of a console call by its text, never below `floor`. */
function levelOfText(
  args: ReadonlyArray<unknown>,
  floor: 'info' | 'warn' = 'info',
): 'error' | 'warn' | 'info' {
  const level = levelOfLine(args.filter((arg) => typeof arg === 'string').join(' '));
  if (level === 'error') return 'error';
  return level === 'warn' || floor === 'warn' ? 'warn' : 'info';
}
