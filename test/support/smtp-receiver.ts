import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './hub';

// A real SMTP server on loopback: Debian's python3-aiosmtpd, run with the system Python, storing
// every message it accepts in a Maildir (its own Mailbox handler), exactly as received plus the
// envelope (X-MailFrom, X-RcptTo) — so a test reads what a mail server really got.

export interface SmtpReceiver {
  readonly host: string;
  readonly port: number;
  /** Every message accepted so far, raw (headers, blank line, body). */
  messages(): string[];
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'sitroom-smtp-'));
  const child: ChildProcess = spawn(
    '/usr/bin/python3',
    [
      '-m',
      'aiosmtpd',
      '-n',
      '-l',
      `127.0.0.1:${port}`,
      '-c',
      'aiosmtpd.handlers.Mailbox',
      join(folder, 'mail'),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await waitForPort(port, () => (child.exitCode !== null ? `aiosmtpd exited: ${stderr}` : null));
  return {
    host: '127.0.0.1',
    port,
    messages: () => {
      const dir = join(folder, 'mail', 'new');
      let names: string[] = [];
      try {
        names = readdirSync(dir).sort();
      } catch {
        return [];
      }
      return names.map((name) => readFileSync(join(dir, name), 'utf8'));
    },
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Resolves once something accepts connections on the port; fails when `failed` says why not. */
async function waitForPort(port: number, failed: () => string | null): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const why = failed();
    if (why) throw new Error(why);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port}`);
}
