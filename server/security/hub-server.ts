import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { OptionsError } from '../options';

// The hub's listening server: HTTPS when given a certificate and key (PEM), plain HTTP otherwise.
// options.ts refuses plain HTTP beyond loopback unless told --insecure-http, so tokens do not
// cross a network in clear by accident.

export interface HubServerOptions {
  readonly tlsCert: string | null;
  readonly tlsKey: string | null;
}

export function createHubServer(options: HubServerOptions): { server: Server; scheme: 'http' | 'https' } {
  if (options.tlsCert === null || options.tlsKey === null) return { server: createServer(), scheme: 'http' };
  const cert = readPem(options.tlsCert, '--tls-cert');
  const key = readPem(options.tlsKey, '--tls-key');
  try {
    // https.Server is an http.Server with TLS in front; the hub uses only what both have.
    return { server: createHttpsServer({ cert, key }) as unknown as Server, scheme: 'https' };
  } catch (error) {
    throw new OptionsError(`--tls-cert/--tls-key: ${(error as Error).message}`);
  }
}

function readPem(path: string, flag: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new OptionsError(`${flag} ${path} cannot be read: ${(error as Error).message}`);
  }
}
