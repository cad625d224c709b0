import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CommitSteps, WriterReply, WriterRequest, WriterStart } from './sqlite-messages';

// The main thread's handle on the SQLite writer thread: requests go out numbered, and each
// promise settles when the thread says its transaction committed (or failed). Requests are
// handled in the order sent, one at a time.

/** A request before it is numbered. */
type Request = WriterRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * The writer thread's code: the bundle's copy beside the bundled hub (dist/server), or, running
 * from source, the TypeScript beside this file behind a two-line bootstrap that registers tsx's
 * loader in the new thread first (Node 20 does not pass `--import tsx` on to worker threads).
 */
function workerSource(): { code: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { code: new URL('./sqlite-worker.mjs', here), eval: false };
  const tsxApi = createRequire(here)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const worker = new URL('./sqlite-worker.ts', here).href;
  return {
    code: `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
}

export class SqliteWriterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (steps: CommitSteps | undefined) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  private failure: Error | null = null;
  private readonly exited: Promise<void>;

  constructor(file: string) {
    const source = workerSource();
    const start: WriterStart = { file };
    this.worker = new Worker(source.code, { eval: source.eval, workerData: start });
    this.worker.on('message', (reply: WriterReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.steps);
      else waiting.reject(new Error(reply.error));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.fail(new Error(`the SQLite writer thread stopped (exit code ${code})`));
        resolve();
      }),
    );
  }

  /** Sends a request; resolves once its transaction is durable (with a commit's steps, timed). */
  request(request: Request): Promise<CommitSteps | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<CommitSteps | undefined>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** Lets what was sent finish, closes the database and ends the thread. */
  async close(): Promise<void> {
    if (!this.failure) await this.request({ kind: 'close' }).catch(() => {});
    await this.worker.terminate();
    await this.exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
