import { describe, expect, it } from 'vitest';
import { createHubLogger, LogSettingsError, logSettingsFrom } from '../../../../server/logging/hub-logger';
import { componentOfLine, levelOfLine } from '../../../../server/logging/line-level';
import { prettyRecord } from '../../../../server/logging/pretty-lines';
import { SecretScrubber } from '../../../../server/logging/secret-scrubber';

// The hub's logger: settings from the environment, levels read off its prose, secrets scrubbed,
// JSON or pretty lines.

function captured(format: 'json' | 'pretty') {
  const lines: string[] = [];
  const logger = createHubLogger(
    { format, level: 'info' },
    { destination: { write: (text) => lines.push(text) } },
  );
  return { logger, lines };
}

describe('log settings', () => {
  it('are JSON off a terminal, pretty on one, and refuse a format or level it does not know', () => {
    expect(logSettingsFrom({}, false)).toEqual({ format: 'json', level: 'info' });
    expect(logSettingsFrom({}, true).format).toBe('pretty');
    expect(logSettingsFrom({ SITROOM_LOG_FORMAT: 'json', SITROOM_LOG_LEVEL: 'debug' }, true)).toEqual({
      format: 'json',
      level: 'debug',
    });
    expect(() => logSettingsFrom({ SITROOM_LOG_FORMAT: 'xml' }, false)).toThrow(LogSettingsError);
    expect(() => logSettingsFrom({ SITROOM_LOG_LEVEL: 'loud' }, false)).toThrow(/SITROOM_LOG_LEVEL/);
  });
});

describe('levels and components read off a line', () => {
  it('takes the component from the prefix and the level from the words of trouble', () => {
    expect(componentOfLine('store: the snapshot at seq 6 is unreadable')).toBe('store');
    expect(componentOfLine('Sitroom hub ready')).toBeNull();
    expect(levelOfLine('hub: GET /x failed: boom')).toBe('error');
    expect(levelOfLine('config: RELOAD REFUSED, keeping the last good configuration')).toBe('warn');
    expect(levelOfLine('pager: dana via webhook h: connect ECONNREFUSED 127.0.0.1:9')).toBe('warn');
    expect(levelOfLine('hub: leading (escalations, notifications, snapshots run here)')).toBe('info');
  });

  it('warns of a configuration it will not load, line by line, and of a page that could not leave', () => {
    // What the folder watcher and the pager really print: a log shipped at warn and above must
    // still show an edit the hub refused, and a pager URL whose host does not resolve.
    expect(levelOfLine('config: /etc/noc has 2 error(s); keeping the last good configuration')).toBe('warn');
    expect(levelOfLine('config: /etc/noc has 1 error(s); no configuration loaded')).toBe('warn');
    expect(
      levelOfLine('config: services.yaml:18: YAML syntax: All mapping items must start at the same column'),
    ).toBe('warn');
    expect(levelOfLine('config: runbooks/payments-db.md:3: a checklist step is empty')).toBe('warn');
    expect(levelOfLine('pager: dana via webhook paging.example.org: network error ENOTFOUND')).toBe('warn');
  });
});

describe('the secret scrubber', () => {
  it('blanks URL passwords, Bearer tokens, token parameters and known secrets', () => {
    const scrubber = new SecretScrubber();
    scrubber.addFromEnvironment({
      SITROOM_OPEN_KEY: 'open-key-0123456789abcdef',
      PROM_HMAC_SECRET: 'hmac-s3cret-value',
      SITROOM_DATABASE_URL: 'postgres://sitroom:pg%40pass-word@db/sitroom',
      HOME: '/home/someone-long-enough',
    });
    scrubber.add('short');
    const text = scrubber.scrub(
      'a https://hooks:hunter2-pass@h.example/x b Bearer abc.DEF-123 c /api?token=t0k3n&x=1 #token=k d open-key-0123456789abcdef e hmac-s3cret-value f pg@pass-word g /home/someone-long-enough short',
    );
    for (const secret of [
      'hunter2-pass',
      'abc.DEF-123',
      't0k3n',
      '#token=k ',
      'open-key',
      'hmac-s3cret',
      'pg@pass-word',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('https://hooks:***@h.example/x');
    expect(text).toContain('Bearer ***');
    expect(text).toContain('?token=***&x=1');
    // Not every variable is a secret, and short values would blank ordinary words.
    expect(text).toContain('/home/someone-long-enough short');
  });
});

describe('the hub logger', () => {
  it('writes one JSON record per line with level, time, component and the scrubbed message', () => {
    const { logger, lines } = captured('json');
    logger.scrubber.add('secret-token-value');
    logger.line('notify: delivering INC-1 failed: 401 for Bearer secret-token-value');
    const record = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(record).toMatchObject({ level: 'error', component: 'notify' });
    expect(typeof record.time).toBe('string');
    expect(String(record.msg)).toBe('notify: delivering INC-1 failed: 401 for Bearer ***');
  });

  it('routes console calls through it, errors with their stack, scrubbed', () => {
    const { logger, lines } = captured('json');
    const saved = { ...console };
    try {
      logger.takeOverConsole();
      console.error('hub: command failed:', new Error('no route to postgres://u:pw-123456@db/x'));
      console.log('hub: leading');
    } finally {
      Object.assign(console, saved);
    }
    const [failed, leading] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(failed).toMatchObject({ level: 'error', msg: 'hub: command failed:' });
    expect(JSON.stringify(failed)).not.toContain('pw-123456');
    expect((failed?.err as { stack: string } | undefined)?.stack).toContain('postgres://u:***@db/x');
    expect(leading).toMatchObject({ level: 'info', msg: 'hub: leading' });
  });

  it('prints pretty lines with fields below, as the start-up banner always looked', () => {
    const { logger, lines } = captured('pretty');
    logger.pino.info({ console: 'http://127.0.0.1:7420/', store: 'sqlite /data' }, 'Sitroom hub ready');
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}Sitroom hub ready\n {2}console: {7}http:\/\/127\.0\.0\.1:7420\/\n/,
    );
    expect(prettyRecord('not json', false)).toBe('not json\n');
  });
});
