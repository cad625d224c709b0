import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The demo's stand-in for Slack and the paging service: a plain HTTP server inside the hub
// process, on loopback, that takes every POST, answers 204 and logs one line saying who was told
// what. The hub delivers to it exactly as it would to a real channel, so the timeline's
// "delivered" entries are true.

/** What the receiver keeps of a message. */
export interface ReceivedMessage {
  readonly at: number;
  /** The path the hub posted to: "/hooks.slack.com/services/…/payments-incidents". */
  readonly path: string;
  /** Slack's `text`, or the page's `text`; what a person would read. */
  readonly text: string;
}

const BODY_LIMIT = 256 * 1024;
const KEEP = 200;

export class DemoReceiver {
  private readonly messages: ReceivedMessage[] = [];

  private constructor(
    private readonly server: Server,
    /** http://127.0.0.1:PORT */
    readonly url: string,
  ) {}

  static async start(log: (line: string) => void): Promise<DemoReceiver> {
    let receiver: DemoReceiver | null = null;
    let host = '';
    const server = createServer((req, res) => {
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      // Only the hub posts here, by its loopback address and with no Origin. A web page the
      // operator visits can find the port and post (text/plain needs no preflight), or reach it
      // under a rebound name: it would write "paged" lines the hub never sent into the log.
      if (req.headers.host !== host || req.headers.origin !== undefined) {
        res.writeHead(403).end();
        return;
      }
      readText(req).then(
        (body) => {
          res.writeHead(204).end();
          receiver?.take(req.url ?? '/', body, log);
        },
        () => res.writeHead(413).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    // The hub must never wait for the demo's receiver to close.
    server.unref();
    const port = (server.address() as AddressInfo).port;
    host = `127.0.0.1:${port}`;
    receiver = new DemoReceiver(server, `http://127.0.0.1:${port}`);
    return receiver;
  }

  /** The messages received so far, oldest first (the last 200). */
  received(): ReadonlyArray<ReceivedMessage> {
    return this.messages;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private take(path: string, body: string, log: (line: string) => void): void {
    const text = textOf(body);
    this.messages.push({ at: Date.now(), path, text });
    if (this.messages.length > KEEP) this.messages.shift();
    const shown = text.length > 140 ? `${text.slice(0, 139)}…` : text;
    log(`demo receiver: ${path} ← ${JSON.stringify(shown)}`);
  }
}

function textOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object' && 'text' in parsed && typeof parsed.text === 'string')
      return parsed.text;
  } catch {
    // not JSON: show it as it came
  }
  return body;
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        req.destroy();
        reject(new Error('too large'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
