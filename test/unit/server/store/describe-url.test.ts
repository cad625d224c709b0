import { describe, expect, it } from 'vitest';
import { describeUrl, secretsOfUrl } from '../../../../server/store/postgres/database-url';

// describeUrl is what /healthz (no sign-in) and the hub's log say of --database-url. node-postgres
// takes the password from the user info and from the query string alike, so neither may show.

const SECRET = 's3cret-Pg-Pw-7f6e';

describe('describeUrl', () => {
  it('drops the password of the user info', () => {
    const shown = describeUrl(`postgresql://sitroom:${SECRET}@db.example:5432/noc`);
    expect(shown).not.toContain(SECRET);
    expect(shown).toContain('sitroom@db.example:5432/noc');
  });

  it('hides a password given in the query string, and keeps the other options', () => {
    const shown = describeUrl(
      `postgres://sitroom@db.example/noc?sslmode=require&password=${SECRET}&sslpassword=${SECRET}&PassWord=${SECRET}`,
    );
    expect(shown).not.toContain(SECRET);
    expect(shown).toContain('sslmode=require');
  });

  it('drops a fragment, which a pasted URL may carry anything in', () => {
    expect(describeUrl(`postgres://sitroom@db.example/noc#${SECRET}`)).not.toContain(SECRET);
  });

  it("names a user on a local server's socket, without the password, as node-postgres reads it", () => {
    const url = `postgres://sitroom:${SECRET}@/noc?host=/run/postgresql`;
    expect(describeUrl(url)).toBe('postgres://sitroom@/noc?host=/run/postgresql');
    // The log's scrubber must know this password too.
    expect(secretsOfUrl(url)).toEqual([SECRET]);
  });
});
