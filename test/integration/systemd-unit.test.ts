import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/hub';

// deploy/sitroom-hub.service, checked by systemd itself (Debian's systemd package): the unit
// loads without a warning, and its sandbox keeps systemd's exposure score low.

const run = promisify(execFile);
const ANALYZE = '/usr/bin/systemd-analyze';
const unitFile = join(repoRoot, 'deploy', 'sitroom-hub.service');
const unit = readFileSync(unitFile, 'utf8');

/** The unit in a folder of its own, as systemd-analyze reads it. */
function unitCopy(text?: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sitroom-unit-')), 'sitroom-hub.service');
  if (text === undefined) copyFileSync(unitFile, path);
  else writeFileSync(path, text);
  return path;
}

describe.skipIf(!existsSync(ANALYZE))(
  'the systemd unit (skipped: no systemd-analyze; apt-get install systemd)',
  () => {
    it('passes systemd-analyze verify without a warning', async () => {
      const { stdout, stderr } = await run(ANALYZE, ['verify', unitCopy()]);
      expect(`${stdout}${stderr}`.trim()).toBe('');
    });

    it('gets a warning from verify for a misspelt directive: the check can fail', async () => {
      const broken = unit.replace('ProtectSystem=strict', 'ProtectSystm=strict');
      const { stderr } = await run(ANALYZE, ['verify', unitCopy(broken)]);
      expect(stderr).toMatch(/Unknown key 'ProtectSystm'/);
    });

    it('is sandboxed: systemd rates its exposure 2.0 or lower (of 10)', async () => {
      const { stdout } = await run(ANALYZE, ['security', '--offline=yes', '--no-pager', unitCopy()]);
      const exposure = Number(/Overall exposure level for \S+: ([\d.]+)/.exec(stdout)?.[1]);
      expect(exposure).toBeLessThanOrEqual(2);
    });

    it('restarts on failure, reloads with SIGHUP and may write only its data folder', () => {
      expect(unit).toMatch(/^Restart=on-failure$/m);
      expect(unit).toMatch(/^ExecReload=\/bin\/kill -HUP \$MAINPID$/m);
      expect(unit).toMatch(/^ProtectSystem=strict$/m);
      expect(unit).toMatch(/^NoNewPrivileges=yes$/m);
      const dataDir = /^Environment=SITROOM_DATA_DIR=(\S+)$/m.exec(unit)?.[1];
      expect(unit).toMatch(new RegExp(`^ReadWritePaths=${dataDir}$`, 'm'));
    });
  },
);
