import { describe, expect, it } from 'vitest';
import { parseHubOptions } from '../../../../server/options';
import { dataFolderOnPostgresNote } from '../../../../server/store/data-folder-on-postgres';

// The start-up line is said in the words the operator used: the flag, or the variable the systemd
// unit and the container image set. A data folder nobody named (the default, a demo's temporary
// one) is nothing anyone expects to be used, so nothing is said.

const URL = 'postgres://sitroom@db.example/noc';

const noteFor = (argv: ReadonlyArray<string>, env: NodeJS.ProcessEnv): string | null => {
  const options = parseHubOptions(['--database-url', URL, ...argv], env);
  return dataFolderOnPostgresNote(options.dataDir, options.dataDirNamedBy);
};

describe('a data folder named beside a database URL', () => {
  it('is named with the flag that named it', () => {
    expect(noteFor(['--data-dir', '/srv/hub'], {})).toContain(
      'data folder /srv/hub (--data-dir) holds none of it',
    );
  });

  it('is named with SITROOM_DATA_DIR when the environment set it, and the flag wins', () => {
    expect(noteFor([], { SITROOM_DATA_DIR: '/var/lib/sitroom' })).toContain(
      'data folder /var/lib/sitroom (SITROOM_DATA_DIR)',
    );
    expect(noteFor(['--data-dir', '/srv/hub'], { SITROOM_DATA_DIR: '/var/lib/sitroom' })).toContain(
      '/srv/hub (--data-dir)',
    );
  });

  it('is not mentioned when nobody named one', () => {
    expect(noteFor([], {})).toBeNull();
    expect(noteFor(['--demo'], {})).toBeNull();
  });
});
