import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfValidConfig } from '../support/config-folder';
import { dockerfileStages, execForm, type Stage, stageEnv } from '../support/dockerfile';
import { freePort, postJson, repoRoot, samplesDir, tempDataDir } from '../support/hub';

// What the container image runs, without Docker: the last stage of deploy/Dockerfile done by
// hand in a fresh folder: its COPY lines (from the build stage's output: `npm run build:hub`
// here), its `npm ci --omit=dev`, its ENV, its CMD and its HEALTHCHECK. The hub from that
// folder must start, pass its healthcheck and ingest: proof that production dependencies are
// enough (nothing the hub needs went to devDependencies) and that the image's command is right.

const run = promisify(execFile);
const dockerfile = readFileSync(join(repoRoot, 'deploy', 'Dockerfile'), 'utf8');
const stages = dockerfileStages(dockerfile);
const last = stages.at(-1) as Stage;
const workdir = last.instructions.find((i) => i.op === 'WORKDIR')?.args ?? '';
let folder = '';
let hub: ChildProcess | null = null;

/** A path inside the image, in the folder standing in for it. */
const inFolder = (path: string): string => path.replace(workdir, folder).replace(/^\.\//, `${folder}/`);

beforeAll(async () => {
  await run('npm', ['run', 'build:hub'], { cwd: repoRoot });
  folder = mkdtempSync(join(tmpdir(), 'sitroom-production-'));
  for (const { op, args } of last.instructions) {
    if (op !== 'COPY') continue;
    const [from, ...paths] = args.split(' ');
    expect(from).toBe('--from=build');
    const target = paths.pop() as string;
    for (const source of paths) {
      const inRepo = join(repoRoot, source.replace(/^\/src\//, ''));
      // The console (dist/web) comes from `npm run build:web`; the hub runs without it.
      if (!existsSync(inRepo) && source.endsWith('dist/web')) continue;
      cpSync(
        inRepo,
        target.endsWith('/') ? join(inFolder(target), source.split('/').pop() as string) : inFolder(target),
        {
          recursive: true,
        },
      );
    }
  }
  const install = last.instructions.find((i) => i.op === 'RUN' && i.args.includes('npm ci'))?.args ?? '';
  const npmCi = /npm ci [^&]*/.exec(install)?.[0].trim().split(' ') ?? [];
  expect(npmCi).toContain('--omit=dev');
  // JOBS: node-gyp compiles better-sqlite3 on every core (most of this step's minutes).
  await run(npmCi[0] as string, npmCi.slice(1), {
    cwd: folder,
    maxBuffer: 1 << 24,
    env: { ...process.env, JOBS: 'max' },
  });
}, 900_000);

afterAll(() => {
  hub?.kill('SIGKILL');
});

describe("the container image's last stage, done in a fresh folder", () => {
  it('installs production dependencies only: none of the bundled libraries or build tools', () => {
    for (const bundled of [
      'react',
      'react-dom',
      'recharts',
      'zustand',
      'socket.io-client',
      'electron-store',
      'vite',
      'tsx',
    ])
      expect(existsSync(join(folder, 'node_modules', bundled)), bundled).toBe(false);
    for (const needed of ['better-sqlite3', 'pino', 'socket.io', 'pg', 'zod', 'yaml', 'ulid'])
      expect(existsSync(join(folder, 'node_modules', needed)), needed).toBe(true);
  });

  it('runs as a non-root user with a data volume and a healthcheck on /healthz', () => {
    const user = last.instructions.find((i) => i.op === 'USER')?.args ?? 'root';
    expect(user).not.toMatch(/^(root|0)\b/);
    const env = stageEnv(last);
    expect(last.instructions.find((i) => i.op === 'VOLUME')?.args).toContain(env.get('SITROOM_DATA_DIR'));
    const check = last.instructions.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    expect(check).toMatch(/CMD \[/);
    expect(existsSync(inFolder(execForm(check).at(-1) as string))).toBe(true);
  });

  it('starts from its CMD, answers its healthcheck, ingests, and stops cleanly on SIGTERM', async () => {
    const env = Object.fromEntries(stageEnv(last));
    const port = await freePort();
    const [command, ...args] = execForm(last.instructions.find((i) => i.op === 'CMD')?.args ?? '');
    const configDir = copyOfValidConfig();
    const hubEnv = {
      PATH: process.env.PATH,
      ...env,
      SITROOM_PORT: String(port),
      SITROOM_DATA_DIR: tempDataDir(),
      SITROOM_CONFIG_DIR: configDir,
      // As the documented `docker run` behind an HTTPS proxy.
      SITROOM_INSECURE_HTTP: '1',
    };
    const child = spawn(command === 'node' ? process.execPath : (command as string), args.map(inFolder), {
      cwd: folder,
      env: hubEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    hub = child;
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await expect.poll(() => output, { timeout: 30_000 }).toContain('"msg":"Sitroom hub ready"');

    const check = execForm(last.instructions.find((i) => i.op === 'HEALTHCHECK')?.args ?? '');
    const healthcheck = await run(process.execPath, check.slice(1).map(inFolder), { env: hubEnv });
    expect(healthcheck.stdout).toContain('healthz: 200 ok');

    const url = `http://127.0.0.1:${port}`;
    const firing = readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8');
    const answer = await postJson(`${url}/api/v1/ingest/alertmanager`, firing, {
      authorization: 'Bearer prom-dc1-token',
    });
    expect(answer.status).toBe(200);
    const list = (await (
      await fetch(`${url}/api/v1/incidents`, { headers: { authorization: 'Bearer eve-token' } })
    ).json()) as { incidents: unknown[] };
    expect(list.incidents).toHaveLength(1);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    hub = null;
    // The healthcheck fails once the hub is gone: it can tell.
    await expect(run(process.execPath, check.slice(1).map(inFolder), { env: hubEnv })).rejects.toMatchObject({
      code: 1,
    });
  });
});
