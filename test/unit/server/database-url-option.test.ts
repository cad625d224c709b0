import { describe, expect, it } from 'vitest';
import { OptionsError, parseHubOptions } from '../../../server/options';

// A --database-url node-postgres cannot read failed at the first query, as "Invalid URL" and a
// stack trace naming no option. It is refused at start, naming the option and never its value:
// the value holds the database password.

const PASSWORD = 'pa#ss-0e1f';

const refusal = (url: string): string => {
  try {
    parseHubOptions(['--database-url', url], {});
  } catch (error) {
    if (error instanceof OptionsError) return error.message;
    throw error;
  }
  throw new Error(`${url} was accepted`);
};

describe('--database-url', () => {
  it('is refused, naming the option and not the password, when it is not a URL', () => {
    const message = refusal(`postgres://sitroom:${PASSWORD}@db.example/noc`);
    expect(message).toContain('--database-url');
    expect(message).not.toContain(PASSWORD);
  });

  it('is refused when it is a URL of another kind', () => {
    expect(refusal('mysql://sitroom@db.example/noc')).toContain('postgres://');
  });

  it('takes a postgres URL, a postgresql one and a socket folder', () => {
    for (const url of [
      'postgres://sitroom:pa%23ss@db.example:5432/noc',
      'postgresql://sitroom@db.example/noc?sslmode=require',
      '/run/postgresql sitroom',
      // A user on a local server's socket: node-postgres reads it (the host is in the query).
      'postgres://sitroom@/noc?host=/run/postgresql',
      'postgresql://sitroom:pa%23ss@/noc?host=%2Frun%2Fpostgresql',
    ])
      expect(parseHubOptions(['--database-url', url], {}).databaseUrl).toBe(url);
  });
});
